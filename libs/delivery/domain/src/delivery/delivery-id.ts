import { v5 as uuidV5 } from 'uuid';

/** The namespace of delivery ids: fixed, so every instance derives the same id. */
const DELIVERY_ID_NAMESPACE = '6f1c2b7e-3a94-4d5f-8e21-9b0c7d4a5e13';

/**
 * The stable id of the delivery of one lead to one partner: the same on every
 * attempt and redelivery, so the partner can recognise a retry of a lead it
 * already has (the `X-LeadRail-Delivery-Id` header, `{{delivery.id}}`).
 */
export function deliveryIdOf(leadId: string, partnerId: string): string {
  return uuidV5(`${leadId.toLowerCase()}/${partnerId.toLowerCase()}`, DELIVERY_ID_NAMESPACE);
}

/** The category of delivery streams; camel case, no dash. */
export const DELIVERY_STREAM_CATEGORY = 'delivery';

/** The stream of one delivery (`delivery-<deliveryId>`). */
export function deliveryStream(deliveryId: string): string {
  return `${DELIVERY_STREAM_CATEGORY}-${deliveryId}`;
}
