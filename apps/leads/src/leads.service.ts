import { deliveryRegistry } from '@leadrail/delivery-contracts';
import { leadsIntakeRegistry } from '@leadrail/leads-contracts';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { routingRegistry } from '@leadrail/routing-contracts';
import { Topics } from '@leadrail/topics';
import { LeadErrorsFilter } from './http/lead-errors.filter';
import { FollowDeliveryOutcome } from './delivery-outcomes/delivery-outcome.handler';
import { RecordReceivedLead } from './intake/record-received-lead.handler';
import { LeadsModule } from './leads.module';
import { CreateIntakeReadModels1764000000100 } from './migrations/1764000000100-create-intake-read-models';
import { CreateIntroducerApiKeys1764000000400 } from './migrations/1764000000400-create-introducer-api-keys';
import { IntroducerApiKeysProjection } from './introducer-keys/introducer-api-keys.projection';
import { CreateLeadIntakeTables1764000000500 } from './migrations/1764000000500-create-lead-intake-tables';
import { CreateReferralDeadlines1764000000700 } from './migrations/1764000000700-create-referral-deadlines';
import { ReferralDeadlinesProjection } from './lifecycle/referral-expiry/referral-deadlines.projection';
import { PartnerViewHandler } from './partner-view/partner-view.handler';
import { leadTypesRelay } from './publishing/lead-types-relay';
import { leadsRelay } from './publishing/leads-relay';
import { FollowRoutingDecision } from './routing-decisions/lead-routed.handler';
import { CreateLeadSearch1764000000600 } from './migrations/1764000000600-create-lead-search';
import { LeadSearchProjection } from './search/lead-search.projection';
import { referralExpirySettings } from './lifecycle/referral-expiry/referral-expiry.env';
import { referralLinkSettings } from './lifecycle/referrals/referral-links/referral-links.env';

/** The leads service: lead intake (HTTP and Kafka), validation, de-duplication, lifecycle and status, search. */
export const leadsService: ServiceDefinition = {
  name: 'leads',
  module: LeadsModule,
  subscriptions: [Topics.leadIntake, Topics.partners, Topics.routing, Topics.delivery],
  // Portal routes verify partners' sessions with the partners service's public keys.
  requires: { operatorTokens: true, portalJwksUrl: true },
  openApi: {
    title: 'LeadRail leads API',
    description:
      'Lead intake for introducers (API key), lead settings for operators (bearer token), and the lead portal for partners.',
    securitySchemes: {
      // IntroducerApiKeyGuard also takes the key as `Authorization: Bearer lrk_…`.
      'introducer-api-key': {
        type: 'apiKey',
        in: 'header',
        name: 'X-Api-Key',
        description: "An introducer's API key (lrk_…), issued by an operator",
      },
    },
  },
  errorFilters: [new LeadErrorsFilter()],
  checkEnv: [referralExpirySettings, referralLinkSettings],
  migrations: [
    CreateIntakeReadModels1764000000100,
    CreateIntroducerApiKeys1764000000400,
    CreateLeadIntakeTables1764000000500,
    CreateLeadSearch1764000000600,
    CreateReferralDeadlines1764000000700,
  ],
  projections: [
    new IntroducerApiKeysProjection(),
    new ReferralDeadlinesProjection(),
    new LeadSearchProjection(),
  ],
  publishes: [Topics.leads],
  relays: [leadsRelay, leadTypesRelay],
  decode: decodeWithContracts({
    // A public contract: anything else published here is a publisher's mistake.
    [Topics.leadIntake]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsIntakeRegistry),
      unknownTypes: 'dead-letter',
    },
    [Topics.partners]: {
      parse: (raw) => parseIntegrationEvent(raw, partnersRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.routing]: {
      parse: (raw) => parseIntegrationEvent(raw, routingRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.delivery]: {
      parse: (raw) => parseIntegrationEvent(raw, deliveryRegistry),
      unknownTypes: 'ignore',
    },
  }),
  handlers: [RecordReceivedLead, PartnerViewHandler, FollowRoutingDecision, FollowDeliveryOutcome],
};
