import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '@leadrail/nest-kit';

/** A 400 in the shape of the global validation pipe's, for checks it cannot make alone. */
export function invalidRequest(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'the request is invalid',
    errors,
  });
}
