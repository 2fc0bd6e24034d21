import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { commitPosition, readPositionAfter, toRecordedEvent } from './event-mapping';

function resolved(overrides: Partial<NonNullable<AllStreamResolvedEvent['event']>> = {}) {
  return {
    event: {
      streamId: 'lead-1',
      id: '7d1c1f8e-0000-4000-8000-000000000001',
      isJson: true,
      revision: 0n,
      type: 'LeadReceived',
      created: new Date('2026-11-25T09:00:00.000Z'),
      data: { n: 1 },
      metadata: { correlationId: 'c' },
      position: { commit: 4_096n, prepare: 4_096n },
      ...overrides,
    },
  } as AllStreamResolvedEvent;
}

describe('event mapping', () => {
  it('maps a recorded event, its commit position as position', () => {
    expect(toRecordedEvent(resolved())).toEqual({
      id: '7d1c1f8e-0000-4000-8000-000000000001',
      streamName: 'lead-1',
      revision: 0n,
      position: 4_096n,
      type: 'LeadReceived',
      data: { n: 1 },
      metadata: { correlationId: 'c' },
      recordedAt: new Date('2026-11-25T09:00:00.000Z'),
    });
  });

  it('reads metadata that is not a JSON object as empty', () => {
    expect(toRecordedEvent(resolved({ metadata: undefined })).metadata).toEqual({});
    expect(toRecordedEvent(resolved({ metadata: new Uint8Array([1]) })).metadata).toEqual({});
  });

  it('refuses gRPC’s "no position", which servers before 22.6 give stream reads', () => {
    const noPosition = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    expect(commitPosition(noPosition)).toBeUndefined();
    expect(() => toRecordedEvent(resolved({ position: noPosition }))).toThrow('22.6 or later');
  });

  it('resumes $all reads at the checkpoint itself, or at the start', () => {
    expect(readPositionAfter(4_096n)).toEqual({ commit: 4_096n, prepare: 4_096n });
    expect(readPositionAfter(undefined)).toBe('start');
    expect(readPositionAfter(-1n)).toBe('start');
  });
});
