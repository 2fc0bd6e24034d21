import { fixedMetadata } from '@leadrail/event-store/testing';
import { traceHeaders } from './trace-headers';

const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe(traceHeaders.name, () => {
  it('carries the trace context an event was appended under', () => {
    expect(
      traceHeaders({ ...fixedMetadata, trace: { traceparent, tracestate: 'leadrail=1' } }),
    ).toEqual({ traceparent, tracestate: 'leadrail=1' });
    expect(traceHeaders({ ...fixedMetadata, trace: { traceparent } })).toEqual({ traceparent });
  });

  it('carries nothing for an event appended without one, or with a malformed one', () => {
    expect(traceHeaders(fixedMetadata)).toEqual({});
    expect(traceHeaders({ ...fixedMetadata, trace: 'x' })).toEqual({});
    expect(
      traceHeaders({ ...fixedMetadata, trace: { traceparent: 42, tracestate: 'a=1' } }),
    ).toEqual({});
  });
});
