import type { BillingActor } from '@leadrail/billing-domain';

/** What caused a billing step: an event consumed, or a request. */
export interface BillingCause {
  /** The cause's id: what the step's own ids derive from where nothing better names it. */
  eventId: string;
  correlationId: string;
  /** Who asked, for the log's metadata (the movement's own `actor` says it too). */
  actor: BillingActor;
}

export const BILLING_SYSTEM: BillingActor = { type: 'system', id: 'billing' };

/** The metadata every billing event carries. */
export function billingMetadata(cause: BillingCause, occurredAt: string) {
  return {
    correlationId: cause.correlationId,
    causationId: cause.eventId,
    occurredAt,
    actor: cause.actor,
  };
}
