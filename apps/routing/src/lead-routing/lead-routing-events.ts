import type { LeadToRoute } from '@leadrail/routing-domain';
import type {
  LeadAllocationReleasedV1Data,
  LeadRoutedV1Data,
  LeadRoutingAbandonedV1Data,
  LeadUnroutableV1Data,
} from '@leadrail/routing-contracts';

/** Data as recorded: the contract's shape, without class prototypes (the log stores plain JSON). */
type Plain<T> = { [K in keyof T]: T[K] };

/**
 * The lead as routing first heard it (`LeadRecorded`), kept on the lead's
 * routing stream so a re-route (decline, expiry, failure) decides from the
 * same lead. Not published: `leadrail.leads.v1` already carries the lead.
 */
export interface RoutingRequested {
  type: 'RoutingRequested';
  data: { leadId: string; lead: LeadToRoute };
}

/** A partner's ledger accepted the lead: published as `LeadRouted` v1, data as is. */
export interface LeadRouted {
  type: 'LeadRouted';
  data: Plain<LeadRoutedV1Data>;
}

/** Nobody could take the lead: published as `LeadUnroutable` v1. */
export interface LeadUnroutable {
  type: 'LeadUnroutable';
  data: Plain<LeadUnroutableV1Data>;
}

/** A partner's allocation was given back: published as `LeadAllocationReleased` v1. */
export interface LeadAllocationReleased {
  type: 'LeadAllocationReleased';
  data: Plain<LeadAllocationReleasedV1Data>;
}

/** Routing stopped retrying an unroutable lead: published as `LeadRoutingAbandoned` v1. */
export interface LeadRoutingAbandoned {
  type: 'LeadRoutingAbandoned';
  data: Plain<LeadRoutingAbandonedV1Data>;
}

/** Every event of a lead's routing stream (`leadRouting-<leadId>`). */
export type LeadRoutingEvent =
  RoutingRequested | LeadRouted | LeadUnroutable | LeadAllocationReleased | LeadRoutingAbandoned;

/** The routing stream's event types that go out on `leadrail.routing.v1`. */
export const PUBLISHED_ROUTING_EVENT_TYPES = [
  'LeadRouted',
  'LeadUnroutable',
  'LeadAllocationReleased',
  'LeadRoutingAbandoned',
] as const satisfies readonly LeadRoutingEvent['type'][];
