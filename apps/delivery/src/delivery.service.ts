import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { routingRegistry } from '@leadrail/routing-contracts';
import { Topics } from '@leadrail/topics';
import { deliverySettings } from './config/delivery.env';
import { emailSettings } from './email/email.env';
import { DeliveryErrorsFilter } from './http/delivery-errors.filter';
import { StartDelivery } from './deliveries/start-delivery.handler';
import { DeliveryModule } from './delivery.module';
import { DeliveryLeadsHandler } from './lead-view/delivery-leads.handler';
import { LeadValuesHandler } from './lead-view/lead-values.handler';
import { CreateDeliveryTables1764000002100 } from './migrations/1764000002100-create-delivery-tables';
import { DeliveryPartnersHandler } from './partner-view/delivery-partners.handler';
import { deliveryRelay } from './publishing/delivery-relay';
import { CreateReferralEmails1764000002200 } from './migrations/1764000002200-create-referral-emails';
import { ReferralEmailsHandler } from './referrals/referral-emails.handler';
import { referralLinkSettings } from './referrals/referral-links.env';

/**
 * The delivery service: email and internet delivery (XML, JSON, SOAP 1.1/1.2,
 * POST) with templated bodies, and the referral email for partners that must
 * accept a lead first.
 */
export const deliveryService: ServiceDefinition = {
  name: 'delivery',
  module: DeliveryModule,
  subscriptions: [Topics.leads, Topics.routing, Topics.partners],
  requires: { operatorTokens: true },
  checkEnv: [deliverySettings, emailSettings, referralLinkSettings],
  errorFilters: [new DeliveryErrorsFilter()],
  openApi: {
    title: 'LeadRail delivery API',
    description:
      'What was sent to each partner and what came back, attempt by attempt, for operators (bearer token).',
  },
  migrations: [CreateDeliveryTables1764000002100, CreateReferralEmails1764000002200],
  publishes: [Topics.delivery],
  relays: [deliveryRelay],
  decode: decodeWithContracts({
    // Internal topics: events delivery has no use for are skipped.
    [Topics.leads]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.routing]: {
      parse: (raw) => parseIntegrationEvent(raw, routingRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.partners]: {
      parse: (raw) => parseIntegrationEvent(raw, partnersRegistry),
      unknownTypes: 'ignore',
    },
  }),
  // The views first: a trigger in the same message batch reads what they wrote.
  handlers: [
    DeliveryPartnersHandler,
    DeliveryLeadsHandler,
    LeadValuesHandler,
    StartDelivery,
    ReferralEmailsHandler,
  ],
};
