import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { Topics } from '@leadrail/topics';
import { RouteRecordedLead } from './consumers/lead-recorded.handler';
import { RerouteLead } from './consumers/reroute.handler';
import { CreateRoutingPartners1764000001100 } from './migrations/1764000001100-create-routing-partners';
import { RoutingPartnersHandler } from './partner-view/routing-partners.handler';
import { routingRelay } from './publishing/routing-relay';
import { RoutingModule } from './routing.module';

/** The routing service: picks the partner for each lead and owns the daily and monthly cap counters. */
export const routingService: ServiceDefinition = {
  name: 'routing',
  module: RoutingModule,
  // Billing publishes nothing yet (issue #13): funds are assumed (funds/funds-view.ts).
  subscriptions: [Topics.leads, Topics.partners, Topics.billing],
  requires: { operatorTokens: true },
  openApi: {
    title: 'LeadRail routing API',
    description:
      "Why a lead went where it went (every decision, its candidates and reasons) and partners' cap counters, for operators (bearer token).",
  },
  migrations: [CreateRoutingPartners1764000001100],
  publishes: [Topics.routing],
  relays: [routingRelay],
  decode: decodeWithContracts({
    // Internal topics: events routing has no use for are skipped.
    [Topics.leads]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.partners]: {
      parse: (raw) => parseIntegrationEvent(raw, partnersRegistry),
      unknownTypes: 'ignore',
    },
  }),
  handlers: [RoutingPartnersHandler, RouteRecordedLead, RerouteLead],
};
