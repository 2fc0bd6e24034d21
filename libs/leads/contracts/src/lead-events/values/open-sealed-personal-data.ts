import { createDecipheriv } from 'node:crypto';
import type { SealedPersonalData } from './sealed-personal-data';

const TAG_BYTES = 16;

/**
 * Opens sealed personal data with the lead's key (from the leads service's
 * `GET /leads/{leadId}/personal-data-key`), as the envelope's schema says:
 * AES-256-GCM, the key id's UTF-8 bytes as associated data. Returns the
 * parsed JSON (LeadReceived v1's contact); throws when the key or the
 * envelope is wrong, since GCM authenticates both.
 */
export function openSealedPersonalData(sealed: SealedPersonalData, key: Buffer): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(sealed.keyId, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  const plain = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64url')),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
