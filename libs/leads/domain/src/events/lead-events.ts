import type { StatusBillingPoint } from '../model/billing-points';
import type { LeadActor } from '../model/command-metadata';
import type { LeadDetails, LeadSource } from '../model/lead-details';
import type { DuplicateLink, LeadRejection } from '../model/lead-outcomes';

/** A lead event as decide returns it and evolve folds it; each names its lead (lower-case id). */
export interface LeadEventOf<Type extends string, Data> {
  type: Type;
  data: Data & { leadId: string };
}

/** A valid lead was recorded, exactly as submitted (fields copied, nothing added). */
export type LeadReceived = LeadEventOf<
  'LeadReceived',
  { details: LeadDetails; source: LeadSource; recordedAt: string }
>;

/** The lead was refused, with the reasons its sender is told. */
export type LeadRejected = LeadEventOf<
  'LeadRejected',
  { rejection: LeadRejection; rejectedAt: string }
>;

/** The lead repeats an earlier one and was accepted anyway, linked to it. */
export type LeadLinkedAsDuplicate = LeadEventOf<
  'LeadLinkedAsDuplicate',
  { duplicateOf: DuplicateLink }
>;

/** Routing allocated the lead to a partner. */
export type LeadAllocated = LeadEventOf<
  'LeadAllocated',
  { partnerId: string; allocatedAt: string }
>;

/** The lead was offered to a partner, which must accept it before `expiresAt`. */
export type LeadReferred = LeadEventOf<
  'LeadReferred',
  { partnerId: string; referredAt: string; expiresAt: string }
>;

/** The partner accepted the offer: the lead is allocated to it (and reached `accepted`). */
export type ReferralAccepted = LeadEventOf<
  'ReferralAccepted',
  { partnerId: string; acceptedAt: string; acceptedBy: LeadActor }
>;

/** The partner declined the offer; the lead goes back to routing. */
export type ReferralDeclined = LeadEventOf<
  'ReferralDeclined',
  { partnerId: string; declinedAt: string; declinedBy: LeadActor; reason: string | null }
>;

/** Nobody answered the offer in time; the lead goes back to routing. */
export type ReferralExpired = LeadEventOf<
  'ReferralExpired',
  { partnerId: string; expiredAt: string }
>;

/** The lead reached its partner. */
export type LeadDelivered = LeadEventOf<
  'LeadDelivered',
  { partnerId: string; deliveredAt: string; partnerReference: string | null }
>;

/** Delivery to the partner gave up; the lead goes back to routing. */
export type LeadDeliveryFailed = LeadEventOf<
  'LeadDeliveryFailed',
  { partnerId: string; failedAt: string; reason: string }
>;

/**
 * The lead's status changed. `billingPointsReached` are the billing points
 * this change reached for the first time, in order: billing charges from them,
 * never from the status name, so no billing point is charged twice.
 */
export type LeadStatusChanged = LeadEventOf<
  'LeadStatusChanged',
  {
    partnerId: string;
    status: string;
    previousStatus: string | null;
    billingPointsReached: StatusBillingPoint[];
    changedBy: LeadActor;
    changedAt: string;
  }
>;

/** The partner asked to hand the lead back. */
export type ReturnRequested = LeadEventOf<
  'ReturnRequested',
  { partnerId: string; reason: string; requestedAt: string; windowEndsAt: string }
>;

/** An operator agreed: the lead is returned. */
export type ReturnAccepted = LeadEventOf<
  'ReturnAccepted',
  { partnerId: string; acceptedAt: string; acceptedBy: LeadActor }
>;

/** An operator refused the return. */
export type ReturnDeclined = LeadEventOf<
  'ReturnDeclined',
  { partnerId: string; reason: string; declinedAt: string; declinedBy: LeadActor }
>;

/**
 * The person's personal data was erased: its key is gone, so every sealed
 * copy of the contact is unreadable. Counts, money and the trail remain.
 */
export type LeadPersonalDataErased = LeadEventOf<
  'LeadPersonalDataErased',
  { erasedAt: string; erasedBy: LeadActor }
>;

/** Every event of a lead stream. */
export type LeadEvent =
  | LeadReceived
  | LeadRejected
  | LeadLinkedAsDuplicate
  | LeadAllocated
  | LeadReferred
  | ReferralAccepted
  | ReferralDeclined
  | ReferralExpired
  | LeadDelivered
  | LeadDeliveryFailed
  | LeadStatusChanged
  | ReturnRequested
  | ReturnAccepted
  | ReturnDeclined
  | LeadPersonalDataErased;

/** The type names of {@link LeadEvent}. */
export type LeadEventType = LeadEvent['type'];

/** Every lead event type, once: the type guard below and subscription filters use it. */
export const LEAD_EVENT_TYPES = [
  'LeadReceived',
  'LeadRejected',
  'LeadLinkedAsDuplicate',
  'LeadAllocated',
  'LeadReferred',
  'ReferralAccepted',
  'ReferralDeclined',
  'ReferralExpired',
  'LeadDelivered',
  'LeadDeliveryFailed',
  'LeadStatusChanged',
  'ReturnRequested',
  'ReturnAccepted',
  'ReturnDeclined',
  'LeadPersonalDataErased',
] as const satisfies readonly LeadEventType[];

// A new event type that is not listed above fails to compile here.
type UnlistedEventType = Exclude<LeadEventType, (typeof LEAD_EVENT_TYPES)[number]>;
const _everyTypeListed: [UnlistedEventType] extends [never] ? true : UnlistedEventType = true;
void _everyTypeListed;

const KNOWN_TYPES = new Set<string>(LEAD_EVENT_TYPES);

/** Whether a recorded event is a lead event: what reads of a lead stream are typed by. */
export function isLeadEvent(event: { type: string; data: unknown }): event is LeadEvent {
  return KNOWN_TYPES.has(event.type);
}
