import { type Aggregate, eventTypeGuard } from '@leadrail/event-store';
import type { LeadToRoute } from '@leadrail/routing-domain';
import type {
  LeadAllocationReleased,
  LeadRouted,
  LeadRoutingAbandoned,
  LeadRoutingEvent,
  LeadUnroutable,
} from './lead-routing-events';

/** The category of a lead's routing streams; camel case, no dash (lead ids hold dashes). */
export const LEAD_ROUTING_CATEGORY = 'leadRouting';

/** The routing stream of one lead (`leadRouting-<leadId>`); the one place the name is built. */
export function leadRoutingStream(leadId: string): string {
  return `${LEAD_ROUTING_CATEGORY}-${leadId}`;
}

/** What routing remembers of one lead: the lead, who was tried, who holds it now. */
export interface LeadRoutingState {
  lead: LeadToRoute | null;
  /** Partners the lead went to before (never offered it again). */
  tried: string[];
  /** Partners holding an allocation of the lead now. */
  holding: string[];
  decisions: number;
  /** Whether the latest decision found nobody (and nobody holds the lead). */
  unroutable: boolean;
  /** Routing gave up on the lead: nothing routes it again. */
  abandoned: boolean;
}

/** Record a decision whose allocation (if any) its partner's ledger accepted. */
export interface RecordDecision {
  type: 'RecordDecision';
  lead: LeadToRoute;
  event: LeadRouted | LeadUnroutable;
}

/** Record that a partner's allocation was given back. */
export interface RecordRelease {
  type: 'RecordRelease';
  event: LeadAllocationReleased;
}

/** Stop retrying a lead nobody took: only while it is unroutable, once. */
export interface RecordAbandonment {
  type: 'RecordAbandonment';
  event: LeadRoutingAbandoned;
}

export type LeadRoutingCommand = RecordDecision | RecordRelease | RecordAbandonment;

function initialState(): LeadRoutingState {
  return { lead: null, tried: [], holding: [], decisions: 0, unroutable: false, abandoned: false };
}

function decide(command: LeadRoutingCommand, state: LeadRoutingState): LeadRoutingEvent[] {
  switch (command.type) {
    case 'RecordDecision': {
      const routed = command.event.type === 'LeadRouted' ? command.event.data.partnerId : null;
      // The same partner again (a redelivered cause adopting its own allocation) is no new decision.
      if (routed !== null && state.holding.includes(routed)) {
        return [];
      }
      const requested: LeadRoutingEvent[] =
        state.lead === null
          ? [
              {
                type: 'RoutingRequested',
                data: { leadId: command.lead.leadId, lead: command.lead },
              },
            ]
          : [];
      return [...requested, command.event];
    }
    case 'RecordRelease':
      // Only a partner holding the lead can give it back; a second release changes nothing.
      return state.holding.includes(command.event.data.partnerId) ? [command.event] : [];
    case 'RecordAbandonment':
      // A lead routed meanwhile, or given up on already, is not abandoned (again).
      return state.unroutable && !state.abandoned ? [command.event] : [];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function evolve(state: LeadRoutingState, event: LeadRoutingEvent): LeadRoutingState {
  switch (event.type) {
    case 'RoutingRequested':
      return { ...state, lead: event.data.lead };
    case 'LeadRouted': {
      const { partnerId } = event.data;
      return {
        ...state,
        decisions: state.decisions + 1,
        tried: state.tried.includes(partnerId) ? state.tried : [...state.tried, partnerId],
        holding: [...state.holding, partnerId],
        unroutable: false,
      };
    }
    case 'LeadUnroutable':
      return { ...state, decisions: state.decisions + 1, unroutable: state.holding.length === 0 };
    case 'LeadRoutingAbandoned':
      return { ...state, abandoned: true };
    case 'LeadAllocationReleased':
      return {
        ...state,
        holding: state.holding.filter((partnerId) => partnerId !== event.data.partnerId),
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * A lead's routing history as an aggregate: what routing decided for it and
 * why, who was tried and who holds it. The partner ledgers enforce limits and
 * funds; this stream only records the decisions they accepted, so a redelivered
 * cause (same derived event id) records nothing twice.
 */
export const leadRoutingAggregate: Aggregate<
  LeadRoutingCommand,
  LeadRoutingEvent,
  LeadRoutingState
> = {
  initialState,
  decide,
  evolve,
  streamName: leadRoutingStream,
  isEvent: eventTypeGuard<LeadRoutingEvent>([
    'RoutingRequested',
    'LeadRouted',
    'LeadUnroutable',
    'LeadAllocationReleased',
    'LeadRoutingAbandoned',
  ]),
};
