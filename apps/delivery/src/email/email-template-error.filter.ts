import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { EmailTemplateError, EmailTemplateErrorCode } from '@leadrail/delivery-domain';
import type { Response } from 'express';

/**
 * An email template refused: 400 in the shape of every validation answer
 * (`errors[{field, messages}]`, each message with its line and column), plus
 * `problems` with the positions, codes and suggestions an editor can use.
 * A template that cannot be rendered for want of values is a 500 elsewhere;
 * here it can only be the preview's sample, which has them all.
 */
@Catch(EmailTemplateError)
export class EmailTemplateErrorFilter implements ExceptionFilter<EmailTemplateError> {
  catch(error: EmailTemplateError, host: ArgumentsHost): void {
    const status = error.code === EmailTemplateErrorCode.MISSING_REQUIRED_VALUES ? 500 : 400;
    const byField = new Map<string, string[]>();
    for (const problem of error.problems) {
      const messages = byField.get(problem.field) ?? [];
      messages.push(
        problem.field === 'reason'
          ? problem.message
          : `line ${problem.line}, column ${problem.column}: ${problem.message}`,
      );
      byField.set(problem.field, messages);
    }
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({
        statusCode: status,
        error: error.code,
        message: error.message,
        errors: [...byField].map(([field, messages]) => ({ field, messages })),
        problems: error.problems,
      });
  }
}
