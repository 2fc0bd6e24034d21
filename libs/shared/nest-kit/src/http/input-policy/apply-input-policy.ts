import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { inputPolicyMiddleware } from './input-policy.middleware';

/**
 * Largest JSON body any API takes: a body template (at most 65,536 characters,
 * up to four bytes each in UTF-8) with the rest of a setting fits comfortably.
 */
export const MAX_JSON_BODY = '1mb';

/** A request's body bytes as received, for routes that need them (`request.rawBody`). */
function keepRawBody(request: { rawBody?: Buffer }, _response: unknown, body: Buffer): void {
  request.rawBody = body;
}

/**
 * The input policy of every LeadRail HTTP API, applied once at start-up: body
 * size, nesting depth and NUL refused before validation (inputPolicyMiddleware).
 * Client mistakes that surface below the API are ClientErrorsFilter's.
 */
export function applyHttpInputPolicy(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Parsers first, so the policy below sees every parsed body (Nest adds its defaults later).
  // The bytes as sent are kept (`rawBody`) for routes that read other formats or hash the request.
  express.useBodyParser('json', { limit: MAX_JSON_BODY, verify: keepRawBody });
  express.useBodyParser('urlencoded', {
    limit: MAX_JSON_BODY,
    extended: false,
    verify: keepRawBody,
  });
  // XML bodies (lead intake) arrive as text, within the same limit; routes parse them themselves.
  express.useBodyParser('text', {
    limit: MAX_JSON_BODY,
    type: ['application/xml', 'text/xml', 'application/*+xml'],
  });
  express.use(inputPolicyMiddleware);
}
