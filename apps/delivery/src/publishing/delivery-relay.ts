import {
  DELIVERY_STREAM_CATEGORY,
  PUBLISHED_DELIVERY_EVENT_TYPES,
} from '@leadrail/delivery-domain';
import { DELIVERY_SOURCE } from '@leadrail/delivery-contracts';
import { integrationMessage, type RelayRoute } from '@leadrail/messaging';
import { Topics } from '@leadrail/topics';

/**
 * The delivery service's relay: every attempt and final outcome on the
 * delivery streams (`delivery-<deliveryId>`), published on
 * `leadrail.delivery.v1` keyed by lead id, data as recorded (typed by their
 * contracts). `DeliveryRequested` stays inside.
 */
export const deliveryRelay: RelayRoute = {
  name: 'delivery',
  filter: {
    streamNamePrefixes: [`${DELIVERY_STREAM_CATEGORY}-`],
    eventTypes: PUBLISHED_DELIVERY_EVENT_TYPES,
  },
  // Keyed by the lead, not the stream's id (the delivery's): leads, routing and billing follow
  // one lead's events in order.
  toMessage: (event) => ({
    ...integrationMessage(event, { topic: Topics.delivery, source: DELIVERY_SOURCE }),
    key: (event.data as { leadId: string }).leadId,
  }),
};
