import type { StatusBillingPoint } from './billing-points';
import type { LeadActor } from './command-metadata';
import type { LeadDetails, LeadSource } from './lead-details';
import type { DuplicateLink, LeadRejection } from './lead-outcomes';

/** No event yet: the only stage ReceiveLead and RejectLead start from. */
export interface NewLead {
  stage: 'new';
}

/** Refused at intake or by de-duplication; final. */
export interface RejectedLead {
  stage: 'rejected';
  id: string;
  rejection: LeadRejection;
  /** The lead as received, when it was recorded before it was rejected. */
  details: LeadDetails | null;
  /** When the person's personal data was erased, if it was. */
  erasedAt?: string;
}

/** One offer of the lead to a partner that must accept it first. */
export interface ReferralRecord {
  partnerId: string;
  referredAt: string;
  expiresAt: string;
  outcome: 'pending' | 'accepted' | 'declined' | 'expired';
}

/** A delivery that gave up, kept so a redelivered failure changes nothing. */
export interface DeliveryFailureRecord {
  partnerId: string;
  failedAt: string;
  reason: string;
}

/** The partner a lead is allocated to, and how. */
export interface Allocation {
  partnerId: string;
  allocatedAt: string;
  via: 'routing' | 'referral';
}

/** The lead reached its partner. */
export interface Delivery {
  deliveredAt: string;
  /** The partner's own id for the lead, where its API returned one. */
  partnerReference: string | null;
}

/** A partner's request to hand a delivered lead back. */
export interface ReturnRequest {
  reason: string;
  requestedAt: string;
  windowEndsAt: string;
  outcome: 'pending' | 'accepted' | 'declined';
  decidedBy: LeadActor | null;
}

/** What every lead that was received has, whatever happened next. */
export interface ReceivedLeadBase {
  id: string;
  details: LeadDetails;
  source: LeadSource;
  recordedAt: string;
  duplicateOf: DuplicateLink | null;
  /** Every referral, oldest first; at most the last is pending. */
  referrals: readonly ReferralRecord[];
  deliveryFailures: readonly DeliveryFailureRecord[];
  /** When the person's personal data was erased, if it was. */
  erasedAt?: string;
  /** The furthest billing point the lead has reached; it never moves back. */
  billingProgress: StatusBillingPoint | null;
}

/** Received and waiting for routing (again, after a declined or expired referral or a failed delivery). */
export interface ReceivedLead extends ReceivedLeadBase {
  stage: 'received';
}

/** Offered to a partner that has until `expiresAt` to accept (the last referral is pending). */
export interface ReferredLead extends ReceivedLeadBase {
  stage: 'referred';
  referral: ReferralRecord;
}

/** Allocated to a partner, waiting for delivery. */
export interface AllocatedLead extends ReceivedLeadBase {
  stage: 'allocated';
  allocation: Allocation;
}

/** Delivered to its partner, who may now report its status or ask to return it. */
export interface DeliveredLead extends ReceivedLeadBase {
  stage: 'delivered';
  allocation: Allocation;
  delivery: Delivery;
  /** The status from the operator's catalogue, once one was set. */
  status: string | null;
  returnRequest: ReturnRequest | null;
}

/** Handed back by its partner with an operator's agreement; final. */
export interface ReturnedLead extends Omit<DeliveredLead, 'stage' | 'returnRequest'> {
  stage: 'returned';
  returnRequest: ReturnRequest;
}

/** A lead that was received, at any later stage. */
export type LiveLead = ReceivedLead | ReferredLead | AllocatedLead | DeliveredLead | ReturnedLead;

/** The lead aggregate's state, folded from its stream; `stage` is where it is in its life. */
export type LeadState = NewLead | RejectedLead | LiveLead;

/** A lead's stage. */
export type LeadStage = LeadState['stage'];

/** The state of a lead stream with no events. */
export function initialLeadState(): LeadState {
  return { stage: 'new' };
}
