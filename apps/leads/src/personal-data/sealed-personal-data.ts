import type { LeadContactDetails, LeadDetails } from '@leadrail/leads-domain';

/**
 * A lead's personal data (its `contact`: name, email, phone, postal address)
 * as the event log and Kafka hold it: AES-256-GCM under a key of that lead
 * alone, kept outside the log (table `lead_personal_data_keys`). Erasure
 * deletes the key, so every copy of the ciphertext, in the log, on topics and
 * in consumers' stores, becomes unreadable at once (crypto-shredding; see
 * docs/personal-data.md).
 */
export interface SealedPersonalData {
  /** Format version of this envelope. */
  v: 1;
  alg: 'A256GCM';
  /** Which key opens it: the lead's id, lower case (one key per lead). */
  keyId: string;
  /** 12-byte nonce, base64url. */
  iv: string;
  /** 16-byte GCM tag, base64url. */
  tag: string;
  /** The contact as UTF-8 JSON, encrypted, base64url. */
  ciphertext: string;
}

/**
 * Where the person is, coarsely enough not to identify them: what a redacted
 * referral shows and routing may match on. A UK postcode keeps its outward
 * code only (`SW1A`), other countries' postcodes are dropped.
 */
export interface LeadArea {
  country: string | null;
  city: string | null;
  postcodeDistrict: string | null;
}

/** A lead's details as recorded: everything but the contact, which is sealed. */
export type StoredLeadDetails = Omit<LeadDetails, 'contact'>;

/** The data of a `LeadReceived` event as the log stores it (the domain's event, contact sealed). */
export interface StoredLeadReceivedData {
  leadId: string;
  details: StoredLeadDetails;
  personal: SealedPersonalData;
  area: LeadArea;
  source: { channel: 'http' } | { channel: 'internal'; publisher: string };
  recordedAt: string;
}

/** The contact once opened, or null when its key was erased. */
export type OpenedContact = LeadContactDetails | null;
