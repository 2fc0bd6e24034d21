import { type PartnerState, deliveryLimitWarnings } from '@leadrail/partners-domain';
import type { Warning } from './delivery-url-check';

/** The delivery-limit warnings an accepted change answers with (none for a partner not yet registered). */
export function limitWarnings(state: PartnerState): Warning[] {
  return state.status === 'unregistered'
    ? []
    : deliveryLimitWarnings(state.settings.limits, state.settings.schedule);
}
