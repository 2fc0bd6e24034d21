import type { PartnerCommand } from './commands/partner-commands';
import { decidePartner } from './decide/decide-partner';
import { isPartnerEvent, type PartnerEvent } from './events/partner-events';
import { evolvePartner } from './evolve/evolve-partner';
import { partnerStream } from './model/partner-stream';
import { initialPartnerState, type PartnerState } from './model/partner-state';

/**
 * The partner aggregate: its decider, its stream and its events. It has the
 * shape of the event store's `Aggregate` without importing it (domain code
 * depends on no platform library), so `commandHandler(store, partnerAggregate)`
 * runs its commands.
 */
export interface PartnerAggregate {
  initialState(): PartnerState;
  decide(command: PartnerCommand, state: PartnerState): PartnerEvent[];
  evolve(state: PartnerState, event: PartnerEvent): PartnerState;
  streamName(partnerId: string): string;
  isEvent(event: { type: string; data: unknown }): event is PartnerEvent;
}

/** The partner aggregate (`partner-<id>` streams). */
export const partnerAggregate: PartnerAggregate = {
  initialState: initialPartnerState,
  decide: decidePartner,
  evolve: evolvePartner,
  streamName: partnerStream,
  isEvent: isPartnerEvent,
};
