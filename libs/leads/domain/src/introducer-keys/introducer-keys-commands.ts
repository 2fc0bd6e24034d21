import type { LeadCommandMetadata } from '../model/command-metadata';

/** A command to one introducer's keys: its type, its data (always naming the introducer) and who issued it when. */
export interface IntroducerKeysCommandOf<Type extends string, Data> {
  type: Type;
  data: Data & { introducerId: string };
  metadata: LeadCommandMetadata;
}

/**
 * Issue a new API key. The service mints the key and passes only its public
 * id and the SHA-256 of its secret (lower-case hex): the secret never reaches
 * the domain, so no event can carry it.
 */
export type IssueApiKey = IntroducerKeysCommandOf<
  'IssueApiKey',
  { keyId: string; secretHash: string; label: string }
>;

/** Revoke a key: from then on it authenticates nothing. */
export type RevokeApiKey = IntroducerKeysCommandOf<
  'RevokeApiKey',
  { keyId: string; reason?: string }
>;

/** Every command to an introducer's keys. */
export type IntroducerKeysCommand = IssueApiKey | RevokeApiKey;
