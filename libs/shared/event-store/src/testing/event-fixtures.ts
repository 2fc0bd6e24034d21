import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../recorded-event';

export const fixedMetadata: EventMetadata = {
  correlationId: '7d1c1f8e-0000-4000-8000-000000000001',
  causationId: '7d1c1f8e-0000-4000-8000-000000000002',
  occurredAt: '2026-11-25T09:00:00.000Z',
  actor: { type: 'operator', id: 'operator-1' },
};

/** `count` events of one type, with fresh ids and a sequence number in their data. */
export function someEvents(count: number, type = 'SomethingHappened', from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type,
    data: { n: from + index },
    metadata: fixedMetadata,
  }));
}

/** A name prefix no other test uses, so tests can share one log. */
export function uniquePrefix(label: string): string {
  return `contract${label}-${randomUUID().slice(0, 8)}`;
}
