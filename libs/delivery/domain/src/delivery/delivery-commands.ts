import type { AttemptOutcome, DeliveryChannel } from './delivery-events';

/** Start delivering a lead to a partner; again with `redelivery` for an operator's redelivery. */
export interface RequestDelivery {
  type: 'RequestDelivery';
  data: {
    deliveryId: string;
    leadId: string;
    partnerId: string;
    channels: DeliveryChannel[];
    redelivery: boolean;
  };
  /** ISO 8601 UTC: the command's instant (the domain reads no clock). */
  at: string;
}

/** What one attempt by one channel came to, as the sender and the outcome rules saw it. */
export interface RecordAttempt {
  type: 'RecordAttempt';
  data: {
    channel: DeliveryChannel;
    /** The attempt this was, as the caller numbered it (`nextAttemptOf`): a repeat records nothing. */
    attempt: number;
    startedAt: string;
    durationMs: number;
    outcome: AttemptOutcome;
    httpStatus: number | null;
    reason: string | null;
    partnerReference: string | null;
    /** When to try again if this was an error with attempts left (the retry policy's answer), else null. */
    retryAt: string | null;
  };
  at: string;
}

/** Every command of a delivery. */
export type DeliveryCommand = RequestDelivery | RecordAttempt;
