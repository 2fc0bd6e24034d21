import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { deliveryAttemptedV1 } from './delivery-attempted.v1';
import { deliveryFailedV1, deliveryRejectedV1, deliverySucceededV1 } from './delivery-outcomes.v1';

/** Every event the delivery service publishes on `leadrail.delivery.v1`. */
export const deliveryRegistry = new IntegrationEventRegistry([
  deliveryAttemptedV1,
  deliverySucceededV1,
  deliveryRejectedV1,
  deliveryFailedV1,
]);
