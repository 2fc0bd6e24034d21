import type { LeadFieldProblem } from '../model/lead-outcomes';

/** Why a lead command was refused; services map each code to an HTTP status in one place. */
export enum LeadErrorCode {
  INVALID_METADATA = 'INVALID_METADATA',
  ACTOR_NOT_ALLOWED = 'ACTOR_NOT_ALLOWED',
  INVALID_LEAD = 'INVALID_LEAD',
  INVALID_COMMAND = 'INVALID_COMMAND',
  LEAD_ID_MISMATCH = 'LEAD_ID_MISMATCH',
  LEAD_NOT_RECEIVED = 'LEAD_NOT_RECEIVED',
  ALREADY_RECEIVED = 'ALREADY_RECEIVED',
  LEAD_REJECTED = 'LEAD_REJECTED',
  ALREADY_REJECTED = 'ALREADY_REJECTED',
  ALREADY_ROUTED = 'ALREADY_ROUTED',
  ALREADY_LINKED = 'ALREADY_LINKED',
  ALREADY_ALLOCATED = 'ALREADY_ALLOCATED',
  REFERRAL_PENDING = 'REFERRAL_PENDING',
  REFERRAL_NOT_PENDING = 'REFERRAL_NOT_PENDING',
  REFERRAL_EXPIRED = 'REFERRAL_EXPIRED',
  REFERRAL_NOT_EXPIRED = 'REFERRAL_NOT_EXPIRED',
  NOT_ALLOCATED_TO_PARTNER = 'NOT_ALLOCATED_TO_PARTNER',
  ALREADY_DELIVERED = 'ALREADY_DELIVERED',
  LEAD_NOT_DELIVERED = 'LEAD_NOT_DELIVERED',
  LEAD_RETURNED = 'LEAD_RETURNED',
  UNKNOWN_STATUS = 'UNKNOWN_STATUS',
  STATUS_MOVES_BACKWARD = 'STATUS_MOVES_BACKWARD',
  RETURN_WINDOW_CLOSED = 'RETURN_WINDOW_CLOSED',
  NO_RETURN_REQUESTED = 'NO_RETURN_REQUESTED',
  RETURN_ALREADY_DECIDED = 'RETURN_ALREADY_DECIDED',
  LEAD_TYPE_EXISTS = 'LEAD_TYPE_EXISTS',
  LEAD_TYPE_NOT_FOUND = 'LEAD_TYPE_NOT_FOUND',
}

/**
 * A lead command refused by a domain rule. `field` is the path of the
 * offending value inside the command (`contact.email`, `metadata.actor.id`),
 * when one is to blame; `problems` lists every field problem of an invalid lead,
 * so intake can answer (or record a `LeadRejected`) with all of them at once.
 */
export class LeadError extends Error {
  constructor(
    readonly code: LeadErrorCode,
    message: string,
    readonly field?: string,
    readonly problems: readonly LeadFieldProblem[] = [],
  ) {
    super(field === undefined ? message : `${field}: ${message}`);
    this.name = 'LeadError';
  }
}

/**
 * The refusal for a lead that does not exist, and, identically, for a lead a
 * partner asks about that was never offered, allocated or delivered to it:
 * a partner learns nothing about leads that are not its own.
 */
export function leadNotFound(leadId: string): LeadError {
  return new LeadError(LeadErrorCode.LEAD_NOT_RECEIVED, `lead ${leadId} was not found`);
}
