import { integrationMessage, type RelayRoute } from '@leadrail/messaging';
import { ROUTING_SOURCE } from '@leadrail/routing-contracts';
import { Topics } from '@leadrail/topics';
import { LEAD_ROUTING_CATEGORY } from '../lead-routing/lead-routing-aggregate';
import { PUBLISHED_ROUTING_EVENT_TYPES } from '../lead-routing/lead-routing-events';

/**
 * The routing service's relay: the decisions and releases on every lead's
 * routing stream (`leadRouting-<leadId>`), published on `leadrail.routing.v1`
 * keyed by lead id, data as recorded (the stream's events are typed by their
 * contracts). `RoutingRequested` stays inside: the lead is already on
 * `leadrail.leads.v1`. Partner ledgers are not published: their counts and
 * reservations are routing's own, read over the why endpoint.
 */
export const routingRelay: RelayRoute = {
  name: 'routing',
  filter: {
    streamNamePrefixes: [`${LEAD_ROUTING_CATEGORY}-`],
    eventTypes: PUBLISHED_ROUTING_EVENT_TYPES,
  },
  toMessage: (event) =>
    integrationMessage(event, { topic: Topics.routing, source: ROUTING_SOURCE }),
};
