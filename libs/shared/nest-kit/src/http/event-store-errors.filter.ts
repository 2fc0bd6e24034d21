import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import {
  ConcurrencyRetriesExhaustedError,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import type { Response } from 'express';
import { etagOf } from './etag';

/**
 * A stale If-Match is 412 with the current ETag, so the client can re-read;
 * a command that kept losing races is 409 (try again).
 */
@Catch(WrongExpectedRevisionError, ConcurrencyRetriesExhaustedError)
export class EventStoreErrorsFilter implements ExceptionFilter {
  catch(
    error: WrongExpectedRevisionError | ConcurrencyRetriesExhaustedError,
    host: ArgumentsHost,
  ): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof WrongExpectedRevisionError) {
      if (error.actual !== undefined) {
        response.setHeader('ETag', etagOf(error.actual));
      }
      response.status(error.actual === undefined ? 404 : 412).json({
        statusCode: error.actual === undefined ? 404 : 412,
        error: error.actual === undefined ? 'Not Found' : 'Precondition Failed',
        message:
          error.actual === undefined
            ? 'no such resource'
            : 'the resource changed since you read it: read it again (its ETag is in this response) and reapply your change',
      });
      return;
    }
    response
      .status(409)
      .json({ statusCode: 409, error: 'Conflict', message: 'the resource is busy: try again' });
  }
}
