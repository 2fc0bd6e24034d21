import { billingRegistry } from '@leadrail/billing-contracts';
import { deliveryRegistry } from '@leadrail/delivery-contracts';
import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { leadsIntakeRegistry, leadsRegistry } from '@leadrail/leads-contracts';
import { notificationsRegistry } from '@leadrail/notifications-contracts';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { routingRegistry } from '@leadrail/routing-contracts';

/**
 * Every registry whose events LeadRail documents as contracts. The one place to
 * add a context's events to the JSON Schemas and the AsyncAPI document.
 */
export const documentedRegistries: readonly IntegrationEventRegistry[] = [
  leadsIntakeRegistry,
  leadsRegistry,
  partnersRegistry,
  routingRegistry,
  deliveryRegistry,
  billingRegistry,
  notificationsRegistry,
];
