import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { extractTrace, injectTrace, withoutTrace } from './trace-context';
import { otlpTracesUrl } from './tracer-provider';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('trace context as text (W3C Trace Context)', () => {
  it('carries a span context through traceparent and tracestate, and back', () => {
    const context = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
      traceState: new TraceState('vendor=a'),
    });
    const carrier = injectTrace(context);
    expect(carrier).toEqual({ traceparent, tracestate: 'vendor=a' });
    expect(trace.getSpanContext(extractTrace(carrier))).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      isRemote: true,
    });
  });

  it('carries nothing without a span, and reads nothing from what is not a trace context', () => {
    expect(injectTrace(ROOT_CONTEXT)).toEqual({});
    for (const carrier of [undefined, null, 'x', {}, { traceparent: 'not-a-traceparent' }]) {
      expect(trace.getSpanContext(extractTrace(carrier))).toBeUndefined();
    }
  });

  it('drops a trace context from headers, keeping the rest', () => {
    expect(withoutTrace({ traceparent, tracestate: 'a=1', 'leadrail-event-id': 'e' })).toEqual({
      'leadrail-event-id': 'e',
    });
  });
});

describe(otlpTracesUrl.name, () => {
  it('posts traces under the endpoint, as the OTLP specification says', () => {
    expect(otlpTracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(otlpTracesUrl('https://gateway/otlp/')).toBe('https://gateway/otlp/v1/traces');
  });
});
