import { type Span, SpanStatusCode } from '@opentelemetry/api';

/** Marks a span failed with the error that ended its work. */
export function recordFailure(span: Span, error: unknown): void {
  if (error instanceof Error) {
    span.recordException(error);
  }
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
