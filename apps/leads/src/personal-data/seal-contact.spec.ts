import { randomBytes } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { type LeadContactDetails, toLeadDetails } from '@leadrail/leads-domain';
import { DATA_KEY_BYTES, openContact, sealContact } from './seal-contact';
import type { SealedPersonalData } from './sealed-personal-data';

const contact: LeadContactDetails = toLeadDetails(mortgageLeadFromCrm.payload.data).contact;
const KEY_ID = mortgageLeadFromCrm.payload.data.leadId;
const EVENT_ID = '8d4e2f1a-6b3c-4d9e-a7f0-2c5b8e1d4f93';
const OTHER_EVENT_ID = '1c7f9b3e-4a2d-4f6b-8e1c-9d5a3f7b2e46';

/** The envelope with one base64url field's first byte flipped. */
function flipped(
  sealed: SealedPersonalData,
  field: 'iv' | 'tag' | 'ciphertext',
): SealedPersonalData {
  const bytes = Buffer.from(sealed[field], 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  return { ...sealed, [field]: bytes.toString('base64url') };
}

describe(sealContact.name, () => {
  const key = randomBytes(DATA_KEY_BYTES);
  const sealed = sealContact(contact, key, KEY_ID, EVENT_ID);

  it('opens to the contact it sealed', () => {
    expect(openContact(sealed, key)).toEqual(contact);
  });

  it('round-trips a minimal contact and one with characters outside ASCII', () => {
    const minimal: LeadContactDetails = { firstName: 'Tom', lastName: "O'Connor" };
    const accented: LeadContactDetails = {
      firstName: 'Zoë',
      lastName: 'Ünlü 李',
      phone: '+447700900456',
    };
    for (const one of [minimal, accented]) {
      expect(openContact(sealContact(one, key, KEY_ID, EVENT_ID), key)).toEqual(one);
    }
  });

  it('writes a version-1 AES-256-GCM envelope naming its key, with a 12-byte nonce and a 16-byte tag', () => {
    expect(sealed).toEqual({
      v: 1,
      alg: 'A256GCM',
      keyId: KEY_ID,
      iv: expect.any(String) as string,
      tag: expect.any(String) as string,
      ciphertext: expect.any(String) as string,
    });
    expect(Buffer.from(sealed.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64url')).toHaveLength(16);
  });

  it('holds nothing of the person in clear', () => {
    const text = JSON.stringify(sealed);
    for (const part of [
      contact.firstName,
      contact.lastName,
      contact.email!,
      contact.phone!,
      contact.address!.line1,
      contact.address!.postcode,
      'Manchester',
      'priya',
    ]) {
      expect(text.toLowerCase()).not.toContain(part.toLowerCase());
    }
  });

  it('seals the same event to the same bytes, so a retried append is recognised as the same', () => {
    expect(sealContact(contact, key, KEY_ID, EVENT_ID)).toEqual(sealed);
  });

  it('uses another nonce for another event under the same key', () => {
    const other = sealContact(contact, key, KEY_ID, OTHER_EVENT_ID);
    expect(other.iv).not.toBe(sealed.iv);
    expect(other.ciphertext).not.toBe(sealed.ciphertext);
    expect(openContact(other, key)).toEqual(contact);
  });

  it('uses another nonce for the same event id under another key', () => {
    const otherKey = randomBytes(DATA_KEY_BYTES);
    expect(sealContact(contact, otherKey, KEY_ID, EVENT_ID).iv).not.toBe(sealed.iv);
  });

  it('cannot be opened with another key', () => {
    expect(() => openContact(sealed, randomBytes(DATA_KEY_BYTES))).toThrow();
  });

  it.each(['ciphertext', 'tag', 'iv'] as const)(
    'refuses an envelope whose %s was changed',
    (field) => {
      expect(() => openContact(flipped(sealed, field), key)).toThrow();
    },
  );

  it('refuses an envelope moved to another key id (the key id is authenticated)', () => {
    expect(() => openContact({ ...sealed, keyId: OTHER_EVENT_ID }, key)).toThrow();
    expect(() => openContact({ ...sealed, keyId: KEY_ID.toUpperCase() }, key)).toThrow();
  });

  it('refuses a truncated tag', () => {
    const shortTag = Buffer.from(sealed.tag, 'base64url').subarray(0, 8).toString('base64url');
    expect(() => openContact({ ...sealed, tag: shortTag }, key)).toThrow();
  });
});
