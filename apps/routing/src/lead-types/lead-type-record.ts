import {
  DEFAULT_LEAD_TYPE_ROUTING_METHOD,
  type LeadTypeChangedV1,
  type LeadTypeDefinedV1,
  type LeadTypeRoutingMethod,
} from '@leadrail/leads-contracts';
import type { SelectionMethod } from '@leadrail/routing-domain';

// The leads contract's routing methods are the routing domain's selection methods, both ways.
type Unroutable = Exclude<LeadTypeRoutingMethod, SelectionMethod>;
const _everyMethodRoutable: [Unroutable] extends [never] ? true : Unroutable = true;
type Unsettable = Exclude<SelectionMethod, LeadTypeRoutingMethod>;
const _everyMethodSettable: [Unsettable] extends [never] ? true : Unsettable = true;
void _everyMethodRoutable;
void _everyMethodSettable;

/** The lead-type events routing's view of lead types is folded from. */
export type RoutingLeadTypeEvent = LeadTypeDefinedV1 | LeadTypeChangedV1;

/** Every type of {@link RoutingLeadTypeEvent}: what the handler subscribes to. */
export const ROUTING_LEAD_TYPE_EVENT_TYPES = [
  'LeadTypeDefined',
  'LeadTypeChanged',
] as const satisfies readonly RoutingLeadTypeEvent['type'][];

/** What routing keeps of one lead type (one row of `routing_lead_types`). */
export interface RoutingLeadTypeRecord {
  leadType: string;
  routingMethod: SelectionMethod;
  active: boolean;
  /** The id of the last lead-type event applied. */
  lastEventId: string;
}

/**
 * Folds one lead-type event into routing's record of the type: pure, so the
 * handler and its tests share it. An event without a routing method was
 * recorded before lead types had one: a definition is then round-robin and a
 * change keeps the method the type had (round-robin too, for any type routing
 * first hears of through a change).
 */
export function applyLeadTypeEvent(
  record: RoutingLeadTypeRecord | null,
  event: RoutingLeadTypeEvent,
): RoutingLeadTypeRecord {
  const unchanged = record?.routingMethod ?? DEFAULT_LEAD_TYPE_ROUTING_METHOD;
  return {
    leadType: event.data.slug,
    routingMethod:
      event.type === 'LeadTypeDefined'
        ? (event.data.routingMethod ?? DEFAULT_LEAD_TYPE_ROUTING_METHOD)
        : (event.data.routingMethod ?? unchanged),
    active: event.type === 'LeadTypeDefined' ? true : event.data.active,
    lastEventId: event.eventId,
  };
}
