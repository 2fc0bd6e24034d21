import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { routingRegistry } from '@leadrail/routing-contracts';
import { Topics } from '@leadrail/topics';
import { BillingModule } from './billing.module';
import { BillingErrorsFilter } from './http/billing-errors.filter';
import { BillingLedgerProjection } from './ledger/billing-ledger.projection';
import { CreateBillingTables1764000003100 } from './migrations/1764000003100-create-billing-tables';
import { BillingReturns1764000003200 } from './migrations/1764000003200-billing-returns';
import { BillingPartnersHandler } from './partner-view/billing-partners.handler';
import { PayableOnLeadRecorded } from './payables/payable-on-lead-recorded.handler';
import { billingRelay } from './publishing/billing-relay';
import { ReverseOnReturn } from './reversals/reverse-on-return.handler';
import { CreatePaypalOrders1764000003500 } from './paypal/migrations/1764000003500-create-paypal-orders';
import { paypalSettings } from './paypal/paypal.env';
import { ChargeAtBillingPoint } from './sales/charge-at-billing-point.handler';

/** The billing service: partner accounts, charges, introducer payables, top-ups and low-funds alerts. */
export const billingService: ServiceDefinition = {
  name: 'billing',
  module: BillingModule,
  subscriptions: [Topics.partners, Topics.routing, Topics.leads],
  requires: { operatorTokens: true, portalJwksUrl: true },
  checkEnv: [paypalSettings],
  errorFilters: [new BillingErrorsFilter()],
  openApi: {
    title: 'LeadRail billing API',
    description:
      "Partners' accounts, statements, the balance as of any instant, reports, payments, adjustments and reversals, for operators (bearer token); PayPal top-ups for partners (portal session) and PayPal's webhook.",
  },
  migrations: [
    CreateBillingTables1764000003100,
    BillingReturns1764000003200,
    CreatePaypalOrders1764000003500,
  ],
  projections: [new BillingLedgerProjection()],
  publishes: [Topics.billing],
  relays: [billingRelay],
  decode: decodeWithContracts({
    // Internal topics: events billing has no use for are skipped.
    [Topics.partners]: {
      parse: (raw) => parseIntegrationEvent(raw, partnersRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.routing]: {
      parse: (raw) => parseIntegrationEvent(raw, routingRegistry),
      unknownTypes: 'ignore',
    },
    [Topics.leads]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsRegistry),
      unknownTypes: 'ignore',
    },
  }),
  // The partner view first: a sale in the same batch reads the billing point it wrote.
  handlers: [BillingPartnersHandler, ChargeAtBillingPoint, PayableOnLeadRecorded, ReverseOnReturn],
};
