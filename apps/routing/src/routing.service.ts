import { billingRegistry } from '@leadrail/billing-contracts';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { Topics } from '@leadrail/topics';
import { RouteRecordedLead } from './consumers/lead-recorded.handler';
import { RerouteLead } from './consumers/reroute.handler';
import { BillingAccountsHandler } from './funds/billing-accounts.handler';
import { RoutingLeadTypesHandler } from './lead-types/routing-lead-types.handler';
import { CreateRoutingPartners1764000001100 } from './migrations/1764000001100-create-routing-partners';
import { CreateRoutingLeadTypes1764000001150 } from './migrations/1764000001150-create-routing-lead-types';
import { CreateRoutingFunds1764000001200 } from './migrations/1764000001200-create-routing-funds';
import { CreateUnroutableLeads1764000001300 } from './migrations/1764000001300-create-unroutable-leads';
import { routingRetrySettings } from './retry/routing-retry.env';
import { UnroutableLeadsProjection } from './retry/unroutable-leads.projection';
import { WakeUnroutableLeads } from './retry/wake-unroutable-leads.handler';
import { RoutingPartnersHandler } from './partner-view/routing-partners.handler';
import { routingRelay } from './publishing/routing-relay';
import { RoutingModule } from './routing.module';

/** The routing service: picks the partner for each lead and owns the daily and monthly cap counters. */
export const routingService: ServiceDefinition = {
  name: 'routing',
  module: RoutingModule,
  subscriptions: [Topics.leads, Topics.partners, Topics.billing],
  requires: { operatorTokens: true },
  openApi: {
    title: 'LeadRail routing API',
    description:
      "Why a lead went where it went (every decision, its candidates and reasons) and partners' cap counters, for operators (bearer token).",
  },
  migrations: [
    CreateRoutingPartners1764000001100,
    CreateRoutingLeadTypes1764000001150,
    CreateRoutingFunds1764000001200,
    CreateUnroutableLeads1764000001300,
  ],
  projections: [new UnroutableLeadsProjection()],
  checkEnv: [routingRetrySettings],
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
    [Topics.billing]: {
      parse: (raw) => parseIntegrationEvent(raw, billingRegistry),
      unknownTypes: 'ignore',
    },
  }),
  handlers: [
    RoutingPartnersHandler,
    RoutingLeadTypesHandler,
    RouteRecordedLead,
    RerouteLead,
    BillingAccountsHandler,
    // After the partner view and funds took the same event: it reads what they wrote.
    WakeUnroutableLeads,
  ],
};
