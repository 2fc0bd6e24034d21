import type { IntakeAnswer } from '../intake-answer';

/** An intake answer as HTTP: its status and body. */
export interface IntakeResponse {
  statusCode: number;
  body: Record<string, unknown>;
}

/**
 * The one mapping of intake answers to HTTP. Accepted is 201 (200 when it is
 * the first answer given again), invalid data 400 with every field, and a
 * rejection 422 with its code, field reasons and, for a duplicate, the
 * original: the lead was well-formed, and the rejection is on record.
 */
export function intakeResponse(answer: IntakeAnswer): IntakeResponse {
  switch (answer.outcome) {
    case 'accepted':
      return {
        statusCode: answer.replayed ? 200 : 201,
        body: {
          status: 'accepted',
          leadId: answer.leadId,
          duplicateOf: answer.duplicateOf,
          replayed: answer.replayed,
        },
      };
    case 'rejected':
      return {
        statusCode: 422,
        body: {
          statusCode: 422,
          status: 'rejected',
          error: answer.code,
          message: answer.reasons.map((reason) => reason.message).join('; '),
          leadId: answer.leadId,
          errors: answer.reasons.map((reason) => ({
            field: reason.field,
            messages: [reason.message],
          })),
          duplicateOf: answer.duplicateOf,
          replayed: answer.replayed,
        },
      };
    case 'invalid':
      return {
        statusCode: 400,
        body: {
          statusCode: 400,
          status: 'invalid',
          error: 'INVALID_LEAD',
          message: 'the lead is not valid: see errors',
          errors: answer.problems.map((problem) => ({
            field: problem.field,
            messages: [problem.message],
          })),
        },
      };
    default: {
      const _exhaustive: never = answer;
      return _exhaustive;
    }
  }
}
