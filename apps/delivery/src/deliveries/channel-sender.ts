import type { TemplateInput } from '@leadrail/delivery-templates';
import type { AttemptOutcome } from '@leadrail/delivery-domain';
import type { DeliveryPartnerRecord } from '../partner-view/delivery-partner-record';
import type { LeadContact } from '../lead-view/lead-contacts';

/** Everything one attempt by one channel needs. */
export interface AttemptContext {
  deliveryId: string;
  attempt: number;
  partner: DeliveryPartnerRecord;
  contact: LeadContact;
  /** The values templates show (lead, partner, introducer, delivery, now). */
  input: TemplateInput;
}

/** What one attempt came to, and what the attempt log keeps of it. */
export interface AttemptResult {
  outcome: AttemptOutcome;
  httpStatus: number | null;
  /** Why it was not accepted, for operators (no personal data); null when accepted. */
  reason: string | null;
  partnerReference: string | null;
  /** A Retry-After the partner asked for (429, 503), else null. */
  retryAfter: string | null;
  /** An error no later attempt can mend (the lead's personal data erased): not retried. */
  permanent?: boolean;
  /** Which rule or default decided the outcome. */
  matched: string;
  startedAt: string;
  durationMs: number;
  /** The request as sent, secrets masked. */
  request: Record<string, unknown>;
  /** The response as received (capped), or null when none came. */
  response: Record<string, unknown> | null;
}

/** One way of reaching a partner: it never throws for the partner's trouble, it answers it. */
export interface ChannelSender {
  send(context: AttemptContext): Promise<AttemptResult>;
}
