import type { LeadCommand } from './commands/lead-commands';
import { decideLead } from './decide/decide-lead';
import { isLeadEvent, type LeadEvent } from './events/lead-events';
import { evolveLead } from './evolve/evolve-lead';
import { leadStream } from './model/lead-stream';
import { initialLeadState, type LeadState } from './model/lead-state';

/**
 * The lead aggregate: its decider, its stream and its events. It has the
 * shape of the event store's `Aggregate` without importing it (domain code
 * depends on no platform library), so `commandHandler(store, leadAggregate)`
 * runs its commands.
 */
export interface LeadAggregate {
  initialState(): LeadState;
  decide(command: LeadCommand, state: LeadState): LeadEvent[];
  evolve(state: LeadState, event: LeadEvent): LeadState;
  streamName(leadId: string): string;
  isEvent(event: { type: string; data: unknown }): event is LeadEvent;
}

/** The lead aggregate (`lead-<id>` streams). */
export const leadAggregate: LeadAggregate = {
  initialState: initialLeadState,
  decide: decideLead,
  evolve: evolveLead,
  streamName: leadStream,
  isEvent: isLeadEvent,
};
