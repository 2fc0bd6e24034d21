import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { leadAllocationReleasedV1 } from './lead-allocation-released.v1';
import { leadRoutedV1, leadUnroutableV1 } from './lead-routed.v1';
import { leadRoutingAbandonedV1 } from './lead-routing-abandoned.v1';

/** Every event the routing service publishes on `leadrail.routing.v1`. */
export const routingRegistry = new IntegrationEventRegistry([
  leadRoutedV1,
  leadUnroutableV1,
  leadAllocationReleasedV1,
  leadRoutingAbandonedV1,
]);
