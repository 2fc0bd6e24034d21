import {
  type Context,
  ROOT_CONTEXT,
  defaultTextMapGetter,
  defaultTextMapSetter,
} from '@opentelemetry/api';
import {
  TRACE_PARENT_HEADER,
  TRACE_STATE_HEADER,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';

/** A W3C trace context as text: what Kafka headers and event metadata (`metadata.trace`) carry. */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

// W3C Trace Context only (no baggage): what crosses Kafka and the log is exactly traceparent/tracestate.
const w3c = new W3CTraceContextPropagator();

/** The context's span as `traceparent` (and `tracestate` when it has one); empty without a valid span. */
export function injectTrace(context: Context): Partial<TraceCarrier> {
  const carrier: Record<string, string> = {};
  w3c.inject(context, carrier, defaultTextMapSetter);
  const traceparent = carrier[TRACE_PARENT_HEADER];
  if (traceparent === undefined) {
    return {};
  }
  const tracestate = carrier[TRACE_STATE_HEADER];
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}

/**
 * The remote span a carrier names (HTTP or Kafka headers, `metadata.trace`), as
 * a parent context; the root context when it names none or a malformed one.
 */
export function extractTrace(carrier: unknown): Context {
  if (typeof carrier !== 'object' || carrier === null) {
    return ROOT_CONTEXT;
  }
  return w3c.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
}

/** Headers without a trace context, before another one is put in. */
export function withoutTrace(
  headers: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const rest = { ...headers };
  delete rest[TRACE_PARENT_HEADER];
  delete rest[TRACE_STATE_HEADER];
  return rest;
}
