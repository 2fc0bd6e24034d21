import type { EventMetadata } from '@leadrail/event-store';

/**
 * The W3C trace context an event was appended under (`metadata.trace`, written
 * by a traced event store), as the `traceparent`/`tracestate` message headers
 * that carry it on to consumers. Empty for an event appended without one.
 */
export function traceHeaders(metadata: EventMetadata): Record<string, string> {
  const trace: unknown = metadata.trace;
  if (typeof trace !== 'object' || trace === null) {
    return {};
  }
  const { traceparent, tracestate } = trace as { traceparent?: unknown; tracestate?: unknown };
  if (typeof traceparent !== 'string') {
    return {};
  }
  return typeof tracestate === 'string' ? { traceparent, tracestate } : { traceparent };
}
