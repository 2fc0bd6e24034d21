import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { fieldErrors } from './field-errors';

/**
 * The one validation pipe of every HTTP API: unknown fields are refused (a
 * typo must not be silently ignored), and a 400 lists every field's problems.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request is invalid',
        errors: fieldErrors(errors),
      }),
  });
}
