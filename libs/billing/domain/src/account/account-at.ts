import { type AccountEvent, isAccountMovement } from './account-events';
import { type AccountState, initialAccountState } from './account-state';
import { evolveAccount } from './account-aggregate';

/**
 * The account as it stood at `instant` (ISO 8601 UTC), from its stream: the
 * fold of every event up to the last one recorded at or before the instant.
 * The stream's order is the account's history, so the fold stops at the
 * first event recorded after the instant (clocks of two instances that
 * disagree cannot make a later event count earlier): the same answer every
 * time it is asked, whichever instance asks.
 */
export function accountAt(events: readonly AccountEvent[], instant: string): AccountState {
  const limit = Date.parse(instant);
  let state = initialAccountState();
  for (const event of events) {
    if (Date.parse(recordedAtOf(event)) > limit) {
      break;
    }
    state = evolveAccount(state, event);
  }
  return state;
}

function recordedAtOf(event: AccountEvent): string {
  if (isAccountMovement(event)) {
    return event.data.recordedAt;
  }
  return event.type === 'PartnerFundsLow' ? event.data.detectedAt : event.data.restoredAt;
}
