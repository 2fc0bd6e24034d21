import type { IntroducerKeysEvent } from './introducer-keys-events';
import type { IntroducerKeysState } from './introducer-keys-state';

/** Folds one event into an introducer's keys. Pure; events are facts, so nothing is checked here. */
export function evolveIntroducerKeys(
  state: IntroducerKeysState,
  event: IntroducerKeysEvent,
): IntroducerKeysState {
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { introducerId, keyId, label, secretHash, displayPrefix, issuedAt, issuedBy } =
        event.data;
      return {
        introducerId,
        keys: [
          ...state.keys,
          { keyId, label, secretHash, displayPrefix, issuedAt, issuedBy, revokedAt: null },
        ],
      };
    }
    case 'ApiKeyRevoked':
      return {
        ...state,
        keys: state.keys.map((key) =>
          key.keyId === event.data.keyId ? { ...key, revokedAt: event.data.revokedAt } : key,
        ),
      };
    default: {
      // A new event type fails to compile here until it is folded.
      const _exhaustive: never = event;
      throw new Error(`unknown introducer keys event ${JSON.stringify(_exhaustive)}`);
    }
  }
}
