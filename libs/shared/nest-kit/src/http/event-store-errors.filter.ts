import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import {
  AppendTooLargeError,
  ConcurrencyRetriesExhaustedError,
  EventStoreUnavailableError,
  IdempotencyConflictError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import type { Response } from 'express';
import { etagOf } from './etag';

type HandledError =
  | WrongExpectedRevisionError
  | ConcurrencyRetriesExhaustedError
  | EventStoreUnavailableError
  | AppendTooLargeError
  | IdempotencyConflictError
  | StreamDeletedError;

/**
 * The event store's refusals as HTTP: a stale If-Match is 412 with the current
 * ETag, so the client can re-read; a command that kept losing races, or whose
 * event ids were already used differently, is 409; a change too large for the
 * log is 413; a deleted stream is 410; a log that cannot be reached is 503
 * (the outcome is unknown: the same request may be sent again).
 */
@Catch(
  WrongExpectedRevisionError,
  ConcurrencyRetriesExhaustedError,
  EventStoreUnavailableError,
  AppendTooLargeError,
  IdempotencyConflictError,
  StreamDeletedError,
)
export class EventStoreErrorsFilter implements ExceptionFilter {
  catch(error: HandledError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const answer = (status: number, name: string, message: string): void => {
      response.status(status).json({ statusCode: status, error: name, message });
    };
    if (error instanceof WrongExpectedRevisionError) {
      if (error.actual === undefined) {
        answer(404, 'Not Found', 'no such resource');
        return;
      }
      response.setHeader('ETag', etagOf(error.actual));
      answer(
        412,
        'Precondition Failed',
        'the resource changed since you read it: read it again (its ETag is in this response) and reapply your change',
      );
    } else if (error instanceof EventStoreUnavailableError) {
      response.setHeader('Retry-After', '5');
      answer(503, 'Service Unavailable', 'the event log cannot be reached: try again shortly');
    } else if (error instanceof AppendTooLargeError) {
      answer(413, 'Payload Too Large', 'the change is too large for the event log');
    } else if (error instanceof StreamDeletedError) {
      answer(410, 'Gone', 'the resource was deleted');
    } else {
      answer(409, 'Conflict', 'the resource is busy: try again');
    }
  }
}
