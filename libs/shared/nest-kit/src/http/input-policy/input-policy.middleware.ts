import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '../field-errors';
import { inspectInput } from './inspect-input';

/**
 * Refuses, with a field-level 400, a request whose body, query or path holds
 * what no handler should see (see inspectInput). Runs after body parsing and
 * before guards, pipes and validation, for every route of every service.
 */
export function inputPolicyMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const errors = [
    ...inspectInput(request.body, ''),
    ...inspectInput(request.query, 'query'),
    ...pathProblems(request.path),
  ];
  if (errors.length === 0) {
    next();
    return;
  }
  response.status(400).json({
    statusCode: 400,
    error: 'Bad Request',
    message: 'the request is invalid',
    errors,
  });
}

function pathProblems(path: string): FieldError[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return [{ field: 'path', messages: ['path has a malformed percent-encoding'] }];
  }
  return inspectInput(decoded, 'path');
}
