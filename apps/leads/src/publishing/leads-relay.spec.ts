import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@leadrail/event-store';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { leadStream } from '@leadrail/leads-domain';
import { Topics } from '@leadrail/topics';
import { leadsRelay } from './leads-relay';
import type { StoredLeadEvent } from './stored-lead-event';
import { FIXTURE_LEAD_ID, storedLeadEvents } from './stored-lead-events.fixture';

function recorded(event: StoredLeadEvent, streamName = leadStream(FIXTURE_LEAD_ID)): RecordedEvent {
  const id = randomUUID();
  return {
    id,
    type: event.type,
    data: structuredClone(event.data),
    metadata: {
      correlationId: '7d1c1f8e-0000-4000-8000-000000000001',
      causationId: '7d1c1f8e-0000-4000-8000-000000000002',
      occurredAt: '2026-11-25T09:00:00.000Z',
      actor: { type: 'system', id: 'leads' },
    },
    streamName,
    revision: 0n,
    position: 1n,
    recordedAt: new Date('2026-11-25T09:00:00.100Z'),
  };
}

function published(event: RecordedEvent) {
  const message = leadsRelay.toMessage(event);
  if (!message) {
    throw new Error(`${event.type} was not published`);
  }
  return { message, parsed: parseIntegrationEvent(message.value, leadsRegistry) };
}

const renamed: Partial<Record<StoredLeadEvent['type'], string>> = { LeadReceived: 'LeadRecorded' };

describe('leadsRelay', () => {
  it.each(Object.values(storedLeadEvents).map((event) => [event.type, event] as const))(
    'publishes a stored %s as a valid leadrail.leads.v1 event, keyed by the lead',
    (_type, stored) => {
      const event = recorded(stored);
      const { message, parsed } = published(event);
      expect(parsed.ok ? '' : parsed.message).toBe('');
      expect(message).toMatchObject({ topic: Topics.leads, key: FIXTURE_LEAD_ID });
      expect(parsed.ok && parsed.event).toMatchObject({
        eventId: event.id,
        type: renamed[stored.type] ?? stored.type,
        version: 1,
        source: 'leadrail.leads',
        occurredAt: event.metadata.occurredAt,
      });
    },
  );

  it('publishes other events with their stored data unchanged', () => {
    const stored = storedLeadEvents.LeadStatusChanged;
    const { message } = published(recorded(stored));
    expect((JSON.parse(message.value) as { data: unknown }).data).toEqual(stored.data);
  });

  it('lifts a LeadReceived to LeadRecorded: details at the top, absent fields null, contact sealed', () => {
    const { parsed } = published(recorded(storedLeadEvents.LeadReceived));
    const { details, ...rest } = storedLeadEvents.LeadReceived.data;
    expect(parsed.ok && { ...parsed.event.data }).toEqual({
      ...rest,
      ...details,
      externalReference: null,
    });
  });

  it('never publishes a contact the log holds in clear, whatever the stored event carries', () => {
    const leaky = structuredClone(storedLeadEvents.LeadReceived);
    Object.assign(leaky.data.details, {
      contact: { firstName: 'Priya', email: 'priya@example.com' },
    });
    Object.assign(leaky.data, { contact: { lastName: 'Shah' } });
    const { message, parsed } = published(recorded(leaky));
    expect(parsed.ok).toBe(true);
    expect(message.value).not.toMatch(/Priya|Shah|priya@example\.com/);
  });

  it('reads lead streams only: not claim (leadKey-…) or settings (leadSettings-…) streams', () => {
    const prefixes = leadsRelay.filter.streamNamePrefixes ?? [];
    const matches = (stream: string) => prefixes.some((prefix) => stream.startsWith(prefix));
    expect(matches(leadStream(FIXTURE_LEAD_ID))).toBe(true);
    expect(matches(`leadKey-${'a'.repeat(64)}`)).toBe(false);
    expect(matches('leadSettings-default')).toBe(false);
    expect(leadsRelay.filter.eventTypes).toBeUndefined();
  });
});
