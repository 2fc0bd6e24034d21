import type { ArgumentsHost } from '@nestjs/common';
import type { Response } from 'express';

/** A domain refusal: its code, message and, where a value is to blame, the field(s). */
export interface DomainRefusal {
  code: string;
  message: string;
  field?: string;
  /** Every field problem at once (an invalid lead), when there are several. */
  problems?: readonly { field: string; message: string }[];
}

/**
 * The one shape every service answers a domain refusal in: `statusCode`,
 * `error` (the domain's code), `message`, and `errors[{field, messages}]` when
 * fields are to blame, like the validation pipe's 400s, so clients read one
 * format whichever layer refused.
 */
export function sendDomainRefusal(
  host: ArgumentsHost,
  refusal: DomainRefusal,
  status: number,
): void {
  const problems =
    refusal.problems !== undefined && refusal.problems.length > 0
      ? refusal.problems
      : refusal.field === undefined
        ? []
        : [{ field: refusal.field, message: refusal.message }];
  host
    .switchToHttp()
    .getResponse<Response>()
    .status(status)
    .json({
      statusCode: status,
      error: refusal.code,
      message: refusal.message,
      ...(problems.length === 0
        ? {}
        : {
            errors: problems.map((problem) => ({
              field: problem.field,
              messages: [problem.message],
            })),
          }),
    });
}
