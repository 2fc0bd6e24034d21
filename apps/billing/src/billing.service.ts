import { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { BillingModule } from './billing.module';

/** The billing service: partner accounts, charges, introducer credits, top-ups and low-funds detection. */
export const billingService: ServiceDefinition = {
  name: 'billing',
  module: BillingModule,
  subscriptions: [Topics.partners, Topics.routing, Topics.delivery, Topics.leads],
};
