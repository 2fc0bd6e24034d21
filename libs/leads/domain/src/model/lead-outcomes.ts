import type { MatchKeyKind } from '../dedup/duplicate-rule';

/** Why a lead was refused. */
export type LeadRejectionCode =
  'INVALID_LEAD' | 'DUPLICATE_LEAD' | 'UNKNOWN_LEAD_TYPE' | 'INTRODUCER_NOT_ACTIVE' | 'NO_CONSENT';

/** What is wrong with one field of a lead: `contact.email` "must be an email address". */
export interface LeadFieldProblem {
  /** The path inside the submitted lead; empty for the lead as a whole. */
  field: string;
  message: string;
}

/** A lead's rejection, as an introducer or publisher is told it. */
export interface LeadRejection {
  code: LeadRejectionCode;
  reasons: readonly LeadFieldProblem[];
  /** For `DUPLICATE_LEAD`: the lead this one repeats, and the rule that matched. */
  duplicateOf: DuplicateLink | null;
}

/** The earlier lead a lead repeats, and the de-duplication rule that found it. */
export interface DuplicateLink {
  originalLeadId: string;
  ruleId: string;
  matchedOn: readonly MatchKeyKind[];
}
