import type { INestApplication } from '@nestjs/common';
import { httpSpans } from './http-spans.middleware';
import type { Tracing } from './tracing';

/**
 * Traces every HTTP request of the application when tracing is on. Call it
 * before the body parsers and the input policy are applied, so that requests
 * they refuse (413, 400) have their span too.
 */
export function traceHttpRequests(app: INestApplication, tracing: Tracing): void {
  if (tracing.tracer) {
    app.use(httpSpans(tracing.tracer));
  }
}
