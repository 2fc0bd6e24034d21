import type { LeadStatusCatalogue } from '../model/billing-points';
import type { LeadCommandMetadata } from '../model/command-metadata';
import type { LeadSource, LeadSubmission } from '../model/lead-details';
import type { DuplicateLink, LeadFieldProblem, LeadRejectionCode } from '../model/lead-outcomes';

/** A command to one lead: its type, its data (always naming the lead) and who issued it when. */
export interface LeadCommandOf<Type extends string, Data> {
  type: Type;
  data: Data & { leadId: string };
  metadata: LeadCommandMetadata;
}

/** Record a lead an introducer (over HTTP) or an internal publisher (on Kafka) submitted. */
export type ReceiveLead = LeadCommandOf<'ReceiveLead', LeadSubmission & { source: LeadSource }>;

/** Refuse a lead: invalid at intake, a duplicate, or not acceptable. */
export type RejectLead = LeadCommandOf<
  'RejectLead',
  { code: LeadRejectionCode; reasons: readonly LeadFieldProblem[]; duplicateOf?: DuplicateLink }
>;

/** Accept a lead that repeats an earlier one, and record which. */
export type LinkDuplicate = LeadCommandOf<'LinkDuplicate', DuplicateLink>;

/** Allocate the lead to the partner routing chose. */
export type AllocateLead = LeadCommandOf<'AllocateLead', { partnerId: string }>;

/** Offer the lead to a partner that must accept it before `expiresAt` (UTC, `Z`). */
export type ReferLead = LeadCommandOf<'ReferLead', { partnerId: string; expiresAt: string }>;

/** The partner accepts the lead offered to it. */
export type AcceptReferral = LeadCommandOf<'AcceptReferral', { partnerId: string }>;

/** The partner declines the lead offered to it. */
export type DeclineReferral = LeadCommandOf<
  'DeclineReferral',
  { partnerId: string; reason?: string }
>;

/** The offer ran out of time (a timer issues this at or after the expiry). */
export type ExpireReferral = LeadCommandOf<'ExpireReferral', { partnerId: string }>;

/** Delivery reached the partner. */
export type RecordDelivery = LeadCommandOf<
  'RecordDelivery',
  { partnerId: string; partnerReference: string | null }
>;

/** Delivery to the partner gave up; the lead goes back to routing. */
export type RecordDeliveryFailure = LeadCommandOf<
  'RecordDeliveryFailure',
  { partnerId: string; reason: string }
>;

/** Give a delivered lead a status from the operator's catalogue in force. */
export type ChangeLeadStatus = LeadCommandOf<
  'ChangeLeadStatus',
  { status: string; catalogue: LeadStatusCatalogue }
>;

/**
 * The partner asks to hand a delivered lead back. The return window (days
 * after delivery, 0 for no returns) is operator data, so the command carries it.
 */
export type RequestReturn = LeadCommandOf<
  'RequestReturn',
  { partnerId: string; reason: string; returnWindowDays: number }
>;

/** An operator agrees to the partner's return. */
export type AcceptReturn = LeadCommandOf<'AcceptReturn', Record<never, never>>;

/** An operator refuses the partner's return, saying why. */
export type DeclineReturn = LeadCommandOf<'DeclineReturn', { reason: string }>;

/**
 * Erase the personal data of the person the lead is about (UK GDPR, on
 * request): the lead's key is deleted by the service, and this records that
 * it happened, by whom and when, for consumers to drop their copies.
 */
export type ErasePersonalData = LeadCommandOf<'ErasePersonalData', Record<never, never>>;

/** Every command to a lead. */
export type LeadCommand =
  | ReceiveLead
  | RejectLead
  | LinkDuplicate
  | AllocateLead
  | ReferLead
  | AcceptReferral
  | DeclineReferral
  | ExpireReferral
  | RecordDelivery
  | RecordDeliveryFailure
  | ChangeLeadStatus
  | RequestReturn
  | AcceptReturn
  | DeclineReturn
  | ErasePersonalData;

/** The type names of {@link LeadCommand}. */
export type LeadCommandType = LeadCommand['type'];
