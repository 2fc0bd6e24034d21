/** The channels a lead reaches a partner by. */
export type DeliveryChannel = 'email' | 'internet';

/** What one attempt came to. */
export type AttemptOutcome = 'accepted' | 'rejected' | 'error';

/** Delivery of a lead to a partner was asked for (allocation, accepted referral, redelivery). */
export interface DeliveryRequested {
  type: 'DeliveryRequested';
  data: {
    deliveryId: string;
    leadId: string;
    partnerId: string;
    /** The channels to deliver by; the first decides the outcome (internet when the partner has it). */
    channels: DeliveryChannel[];
    requestedAt: string;
    /** An operator's redelivery of a lead the partner has: charged nothing more. */
    redelivery: boolean;
  };
}

/** One attempt by one channel, as it happened (published as `DeliveryAttempted`). */
export interface DeliveryAttempted {
  type: 'DeliveryAttempted';
  data: {
    deliveryId: string;
    leadId: string;
    partnerId: string;
    channel: DeliveryChannel;
    attempt: number;
    startedAt: string;
    durationMs: number;
    outcome: AttemptOutcome;
    httpStatus: number | null;
    reason: string | null;
    nextAttemptAt: string | null;
  };
}

/** The partner has the lead (published as `DeliverySucceeded`). */
export interface DeliverySucceeded {
  type: 'DeliverySucceeded';
  data: {
    deliveryId: string;
    leadId: string;
    partnerId: string;
    channels: DeliveryChannel[];
    partnerReference: string | null;
    deliveredAt: string;
    attempts: number;
    redelivery: boolean;
  };
}

/** The partner refused the lead; final (published as `DeliveryRejected`). */
export interface DeliveryRejected {
  type: 'DeliveryRejected';
  data: {
    deliveryId: string;
    leadId: string;
    partnerId: string;
    reason: string;
    partnerReference: string | null;
    rejectedAt: string;
    attempts: number;
  };
}

/** No attempts left; final (published as `DeliveryFailed`). */
export interface DeliveryFailed {
  type: 'DeliveryFailed';
  data: {
    deliveryId: string;
    leadId: string;
    partnerId: string;
    reason: string;
    failedAt: string;
    attempts: number;
  };
}

/** Every event of a delivery stream. */
export type DeliveryEvent =
  DeliveryRequested | DeliveryAttempted | DeliverySucceeded | DeliveryRejected | DeliveryFailed;

/** Every delivery event type, once; all but DeliveryRequested are published. */
export const DELIVERY_EVENT_TYPES = [
  'DeliveryRequested',
  'DeliveryAttempted',
  'DeliverySucceeded',
  'DeliveryRejected',
  'DeliveryFailed',
] as const satisfies readonly DeliveryEvent['type'][];

/** The delivery stream's event types that go out on `leadrail.delivery.v1`. */
export const PUBLISHED_DELIVERY_EVENT_TYPES = [
  'DeliveryAttempted',
  'DeliverySucceeded',
  'DeliveryRejected',
  'DeliveryFailed',
] as const satisfies readonly DeliveryEvent['type'][];
