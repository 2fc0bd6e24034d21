import type { LeadActor } from '../model/command-metadata';

/** An event of one introducer's keys; each names the introducer (lower-case id) and the key. */
export interface IntroducerKeysEventOf<Type extends string, Data> {
  type: Type;
  data: Data & { introducerId: string; keyId: string };
}

/**
 * A key was issued. `secretHash` is the SHA-256 (hex) of the secret, never
 * the secret; `displayPrefix` is made from the public key id only.
 */
export type ApiKeyIssued = IntroducerKeysEventOf<
  'ApiKeyIssued',
  {
    label: string;
    secretHash: string;
    displayPrefix: string;
    issuedAt: string;
    issuedBy: LeadActor;
  }
>;

/** A key was revoked. */
export type ApiKeyRevoked = IntroducerKeysEventOf<
  'ApiKeyRevoked',
  { revokedAt: string; revokedBy: LeadActor; reason: string | null }
>;

/** Every event of an introducer's keys. */
export type IntroducerKeysEvent = ApiKeyIssued | ApiKeyRevoked;

/** The types of every introducer keys event. */
export const INTRODUCER_KEYS_EVENT_TYPES = [
  'ApiKeyIssued',
  'ApiKeyRevoked',
] as const satisfies readonly IntroducerKeysEvent['type'][];

const KNOWN_TYPES = new Set<string>(INTRODUCER_KEYS_EVENT_TYPES);

/** Whether a recorded event is one of the introducer keys aggregate's own. */
export function isIntroducerKeysEvent(event: {
  type: string;
  data: unknown;
}): event is IntroducerKeysEvent {
  return KNOWN_TYPES.has(event.type);
}
