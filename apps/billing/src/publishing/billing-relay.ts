import {
  ACCOUNT_EVENT_TYPES,
  ACCOUNT_STREAM_CATEGORY,
  PAYABLE_EVENT_TYPES,
  PAYABLE_STREAM_CATEGORY,
} from '@leadrail/billing-domain';
import { BILLING_SOURCE } from '@leadrail/billing-contracts';
import { integrationMessage, type RelayRoute } from '@leadrail/messaging';
import { Topics } from '@leadrail/topics';

/**
 * The billing service's relay: every event on the account and payable
 * streams, published on `leadrail.billing.v1` keyed by the partner (the
 * introducer for payables), data as recorded (typed by their contracts).
 */
export const billingRelay: RelayRoute = {
  name: 'billing',
  filter: {
    streamNamePrefixes: [`${ACCOUNT_STREAM_CATEGORY}-`, `${PAYABLE_STREAM_CATEGORY}-`],
    eventTypes: [...ACCOUNT_EVENT_TYPES, ...PAYABLE_EVENT_TYPES],
  },
  toMessage: (event) => ({
    ...integrationMessage(event, { topic: Topics.billing, source: BILLING_SOURCE }),
    key: (event.data as { partnerId: string }).partnerId,
  }),
};
