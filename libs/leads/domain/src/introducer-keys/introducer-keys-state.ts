import type { LeadActor } from '../model/command-metadata';

/** One key as its introducer's stream says. */
export interface ApiKeyRecord {
  keyId: string;
  label: string;
  secretHash: string;
  displayPrefix: string;
  issuedAt: string;
  issuedBy: LeadActor;
  revokedAt: string | null;
}

/** An introducer's keys: none before the first is issued. */
export interface IntroducerKeysState {
  introducerId: string | null;
  /** By key id, in the order they were issued. */
  keys: readonly ApiKeyRecord[];
}

/** How many keys may be active at once: enough to rotate (issue the new, deploy it, revoke the old) without outage. */
export const MAX_ACTIVE_API_KEYS = 5;

export function initialIntroducerKeysState(): IntroducerKeysState {
  return { introducerId: null, keys: [] };
}

/** The introducer's keys that still authenticate. */
export function activeKeys(state: IntroducerKeysState): ApiKeyRecord[] {
  return state.keys.filter((key) => key.revokedAt === null);
}
