import type { PartnerCommand } from './commands/partner-commands';
import { decidePartner } from './decide/decide-partner';
import type { PartnerEvent } from './events/partner-events';
import { evolvePartner } from './evolve/evolve-partner';
import { initialPartnerState, type PartnerState } from './model/partner-state';

/**
 * The partner aggregate as a decider. It has the shape of the event store's
 * `Decider` without importing it: domain code depends on no platform library.
 */
export interface PartnerDecider {
  initialState(): PartnerState;
  decide(command: PartnerCommand, state: PartnerState): PartnerEvent[];
  evolve(state: PartnerState, event: PartnerEvent): PartnerState;
}

/** The partner aggregate's decider: hand it to the command handler with a `partnerStream(id)`. */
export const partnerDecider: PartnerDecider = {
  initialState: initialPartnerState,
  decide: decidePartner,
  evolve: evolvePartner,
};
