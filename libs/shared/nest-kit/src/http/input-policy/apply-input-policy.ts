import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { inputPolicyMiddleware } from './input-policy.middleware';

/**
 * Largest JSON body any API takes: a body template (at most 65,536 characters,
 * up to four bytes each in UTF-8) with the rest of a setting fits comfortably.
 */
export const MAX_JSON_BODY = '1mb';

/**
 * The input policy of every LeadRail HTTP API, applied once at start-up: body
 * size, nesting depth and NUL refused before validation (inputPolicyMiddleware).
 * Client mistakes that surface below the API are ClientErrorsFilter's.
 */
export function applyHttpInputPolicy(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Parsers first, so the policy below sees every parsed body (Nest adds its defaults later).
  express.useBodyParser('json', { limit: MAX_JSON_BODY });
  express.useBodyParser('urlencoded', { limit: MAX_JSON_BODY, extended: false });
  express.use(inputPolicyMiddleware);
}
