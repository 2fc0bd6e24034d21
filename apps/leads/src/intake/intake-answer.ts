import type {
  DuplicateLink,
  LeadFieldProblem,
  LeadRejectionCode,
  LeadState,
} from '@leadrail/leads-domain';

/**
 * The earlier lead a submission repeats, as its sender is told: the original's
 * id is null when the original is another introducer's (an all-introducers
 * rule matched), so an introducer never learns other introducers' lead ids.
 */
export type AnsweredDuplicate = Omit<DuplicateLink, 'originalLeadId'> & {
  originalLeadId: string | null;
};

/**
 * What intake answers a submission with, once the outcome is durably
 * recorded: accepted (perhaps linked to an earlier lead), rejected with a code
 * and field-level reasons, or invalid (nothing recorded: there is no lead to
 * record). `replayed` says the answer is the first one, given again.
 */
export type IntakeAnswer =
  | {
      outcome: 'accepted';
      leadId: string;
      duplicateOf: AnsweredDuplicate | null;
      replayed: boolean;
    }
  | {
      outcome: 'rejected';
      leadId: string;
      code: LeadRejectionCode;
      reasons: readonly LeadFieldProblem[];
      duplicateOf: AnsweredDuplicate | null;
      replayed: boolean;
    }
  | { outcome: 'invalid'; problems: readonly LeadFieldProblem[] };

/** The answer a recorded lead stands for, or null for a lead never recorded. */
export function answerOf(state: LeadState, replayed: boolean): IntakeAnswer | null {
  switch (state.stage) {
    case 'new':
      return null;
    case 'rejected':
      return {
        outcome: 'rejected',
        leadId: state.id,
        code: state.rejection.code,
        reasons: state.rejection.reasons,
        duplicateOf: state.rejection.duplicateOf,
        replayed,
      };
    case 'received':
    case 'referred':
    case 'allocated':
    case 'delivered':
    case 'returned':
      return { outcome: 'accepted', leadId: state.id, duplicateOf: state.duplicateOf, replayed };
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}
