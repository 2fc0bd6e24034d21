import { createCipheriv, createHmac } from 'node:crypto';
import { openSealedPersonalData } from '@leadrail/leads-contracts';
import type { LeadContactDetails } from '@leadrail/leads-domain';
import type { SealedPersonalData } from './sealed-personal-data';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A data key: AES-256. */
export const DATA_KEY_BYTES = 32;

/**
 * The nonce of one event's envelope, derived from the key and the event id.
 * Deterministic on purpose: the event store recognises a retried append by
 * its ids *and* identical data, so the same event must seal to the same bytes.
 * It stays unique where GCM needs it: one key belongs to one lead, and one
 * event id to one event with one content.
 */
function nonceFor(key: Buffer, eventId: string): Buffer {
  return createHmac('sha256', key).update(`iv:${eventId}`).digest().subarray(0, IV_BYTES);
}

/** Seals a contact under its lead's key; the key id is bound in as associated data. */
export function sealContact(
  contact: LeadContactDetails,
  key: Buffer,
  keyId: string,
  eventId: string,
): SealedPersonalData {
  const iv = nonceFor(key, eventId);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(contact), 'utf8'),
    cipher.final(),
  ]);
  return {
    v: 1,
    alg: 'A256GCM',
    keyId,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
  };
}

/** Opens a sealed contact; throws when the key or the envelope is wrong (GCM authenticates both). */
export function openContact(sealed: SealedPersonalData, key: Buffer): LeadContactDetails {
  return openSealedPersonalData(sealed, key) as LeadContactDetails;
}
