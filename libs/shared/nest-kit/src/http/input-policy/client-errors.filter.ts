import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/** What body parsing reports (http-errors), by its `type`, in words a client can act on. */
const PARSER_MESSAGES: Record<string, string> = {
  'entity.too.large': 'the request body is larger than this API accepts',
  'entity.parse.failed': 'the request body is not valid JSON',
  'encoding.unsupported': 'the request body has an encoding this API does not accept',
  'charset.unsupported': 'the request body has a charset this API does not accept (use utf-8)',
  'request.aborted': 'the request was aborted before its body arrived',
  'request.size.invalid': 'the request body is not as long as its Content-Length says',
};

interface ParserError {
  type: string;
  status: number;
}

function isParserError(error: unknown): error is ParserError {
  const candidate = error as Partial<ParserError> | null;
  return (
    typeof candidate?.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * The data exceptions a client's value can cause (text PostgreSQL cannot
 * store, a value too long, a malformed value for its column's type), whether
 * TypeORM wrapped them or pg raised them. Other data exceptions (a division by
 * zero, an overflow in our own SQL) are our bugs and stay 500s.
 */
const CLIENT_DATA_EXCEPTIONS = new Set(['22P05', '22021', '22001', '22P02', '22007', '22008']);

function isDataException(error: unknown): error is Error {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  const code = cause instanceof DatabaseError ? cause.code : undefined;
  return typeof code === 'string' && CLIENT_DATA_EXCEPTIONS.has(code);
}

/**
 * The last resort for errors no controller's filter took: a client's mistake
 * that surfaced below the API (a body the parser refused, a value PostgreSQL
 * cannot store) becomes the 4xx it is, logged at info, never a 500. Anything
 * else is a real server error and goes to Nest's default handling (500, logged).
 */
@Catch()
export class ClientErrorsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger(ClientErrorsFilter.name);

  override catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof HttpException || host.getType() !== 'http') {
      super.catch(error, host);
      return;
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (isParserError(error)) {
      this.answer(
        response,
        error.status,
        PARSER_MESSAGES[error.type] ?? 'the request body was refused',
        error.type,
      );
      return;
    }
    if (isDataException(error)) {
      this.answer(response, 400, 'a value in the request cannot be stored', error.message);
      return;
    }
    super.catch(error, host);
  }

  private answer(response: Response, status: number, message: string, cause: string): void {
    this.logger.log({ status, cause }, `client error: ${message}`);
    response.status(status).json({ statusCode: status, error: errorName(status), message });
  }
}

function errorName(status: number): string {
  switch (status) {
    case 413:
      return 'Payload Too Large';
    case 415:
      return 'Unsupported Media Type';
    default:
      return 'Bad Request';
  }
}
