import type { RejectLead } from '../commands/lead-commands';
import { MATCH_KEY_KINDS, type MatchKeyKind } from '../dedup/duplicate-rule';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import { canonicalLeadId } from '../model/lead-stream';
import type {
  DuplicateLink,
  LeadFieldProblem,
  LeadRejection,
  LeadRejectionCode,
} from '../model/lead-outcomes';
import { assertPartnerId, assertUuid, requiredText } from './fields';

const REJECTION_CODES: readonly string[] = [
  'INVALID_LEAD',
  'DUPLICATE_LEAD',
  'UNKNOWN_LEAD_TYPE',
  'INTRODUCER_NOT_ACTIVE',
  'NO_CONSENT',
] satisfies readonly LeadRejectionCode[];
// Reasons go back to the introducer and into the log: bounded, like the problems of a parse.
const MAX_REASONS = 50;

function invalid(message: string, field: string): LeadError {
  return new LeadError(LeadErrorCode.INVALID_COMMAND, message, field);
}

/** The duplicate link checked and copied (original id in lower case, match keys known and distinct). */
export function toDuplicateLink(link: DuplicateLink, field: string): DuplicateLink {
  const prefix = field === 'originalLeadId' ? '' : `${field}.`;
  assertUuid(link.originalLeadId, `${prefix}originalLeadId`);
  assertPartnerId(link.ruleId, `${prefix}ruleId`);
  const kinds: readonly string[] = MATCH_KEY_KINDS;
  const matchedOn: readonly unknown[] = Array.isArray(link.matchedOn) ? link.matchedOn : [];
  if (
    matchedOn.length === 0 ||
    matchedOn.some((kind) => typeof kind !== 'string' || !kinds.includes(kind)) ||
    new Set(matchedOn).size !== matchedOn.length
  ) {
    throw invalid(`must list distinct keys from ${kinds.join(', ')}`, `${prefix}matchedOn`);
  }
  return {
    originalLeadId: canonicalLeadId(link.originalLeadId),
    ruleId: link.ruleId,
    matchedOn: [...matchedOn] as MatchKeyKind[],
  };
}

function toReasons(reasons: unknown): LeadFieldProblem[] {
  if (!Array.isArray(reasons) || reasons.length > MAX_REASONS) {
    throw invalid(`must be a list of at most ${MAX_REASONS} reasons`, 'reasons');
  }
  return reasons.map((reason: Partial<LeadFieldProblem> | null, index) => ({
    field: reason?.field === '' ? '' : requiredText(reason?.field, 200, `reasons[${index}].field`),
    message: requiredText(reason?.message, 300, `reasons[${index}].message`),
  }));
}

/**
 * The rejection checked and copied. An invalid lead must say what is invalid;
 * a duplicate must name the lead it repeats, and nothing else may.
 */
export function toLeadRejection(data: RejectLead['data']): LeadRejection {
  if (!REJECTION_CODES.includes(data.code)) {
    throw invalid(`must be one of ${REJECTION_CODES.join(', ')}`, 'code');
  }
  const reasons = toReasons(data.reasons);
  if (data.code === 'INVALID_LEAD' && reasons.length === 0) {
    throw invalid('an invalid lead needs at least one reason', 'reasons');
  }
  if ((data.code === 'DUPLICATE_LEAD') !== (data.duplicateOf !== undefined)) {
    throw invalid('is required for DUPLICATE_LEAD and only for it', 'duplicateOf');
  }
  const duplicateOf =
    data.duplicateOf === undefined ? null : toDuplicateLink(data.duplicateOf, 'duplicateOf');
  return { code: data.code, reasons, duplicateOf };
}
