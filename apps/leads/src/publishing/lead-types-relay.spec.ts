import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@leadrail/event-store';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { type LeadSettingsEvent, leadSettingsStream, leadStream } from '@leadrail/leads-domain';
import { Topics } from '@leadrail/topics';
import { leadTypesRelay } from './lead-types-relay';

function recorded(event: LeadSettingsEvent, streamName = leadSettingsStream()): RecordedEvent {
  return {
    id: randomUUID(),
    type: event.type,
    data: structuredClone(event.data),
    metadata: {
      correlationId: '7d1c1f8e-0000-4000-8000-000000000001',
      causationId: '7d1c1f8e-0000-4000-8000-000000000002',
      occurredAt: '2026-11-25T09:00:00.000Z',
      actor: { type: 'operator', id: 'operator-anna' },
    },
    streamName,
    revision: 0n,
    position: 1n,
    recordedAt: new Date('2026-11-25T09:00:00.100Z'),
  };
}

const AT = '2026-11-25T09:00:00.000Z';

describe('leadTypesRelay', () => {
  it.each<LeadSettingsEvent>([
    {
      type: 'LeadTypeDefined',
      data: { slug: 'mortgage', name: 'Mortgage', routingMethod: 'weighted', definedAt: AT },
    },
    {
      type: 'LeadTypeChanged',
      data: {
        slug: 'mortgage',
        name: 'Mortgages',
        active: false,
        routingMethod: 'round-robin',
        changedAt: AT,
      },
    },
  ])(
    'publishes a stored $type as a valid leadrail.leads.v1 event keyed lead-type:<slug>',
    (stored) => {
      const event = recorded(stored);
      const message = leadTypesRelay.toMessage(event);
      expect(message).toMatchObject({
        topic: Topics.leads,
        key: 'lead-type:mortgage',
        headers: { 'leadrail-event-type': stored.type, 'leadrail-event-id': event.id },
      });
      const parsed = parseIntegrationEvent(message?.value ?? '', leadsRegistry);
      expect(parsed.ok ? '' : parsed.message).toBe('');
      expect(parsed.ok && parsed.event).toMatchObject({
        eventId: event.id,
        type: stored.type,
        version: 1,
        source: 'leadrail.leads',
        data: stored.data,
      });
    },
  );

  it.each<LeadSettingsEvent>([
    { type: 'LeadTypeDefined', data: { slug: 'mortgage', name: 'Mortgage', definedAt: AT } },
    {
      type: 'LeadTypeChanged',
      data: { slug: 'mortgage', name: 'Mortgages', active: false, changedAt: AT },
    },
  ])('publishes a $type stored before routing methods as round-robin', (stored) => {
    const parsed = parseIntegrationEvent(
      leadTypesRelay.toMessage(recorded(stored))?.value ?? '',
      leadsRegistry,
    );
    expect(parsed.ok ? parsed.event.data : parsed.message).toEqual({
      ...stored.data,
      routingMethod: 'round-robin',
    });
  });

  it('copies the contract fields only, whatever else the stored event carries', () => {
    const event = recorded({
      type: 'LeadTypeDefined',
      data: { slug: 'mortgage', name: 'Mortgage', definedAt: AT, note: 'internal' } as never,
    });
    const parsed = parseIntegrationEvent(
      leadTypesRelay.toMessage(event)?.value ?? '',
      leadsRegistry,
    );
    expect(parsed.ok ? '' : parsed.message).toBe('');
  });

  it.each<LeadSettingsEvent>([
    { type: 'DuplicateRulesChanged', data: { rules: [], changedAt: AT } },
    { type: 'StatusCatalogueChanged', data: { statuses: [], changedAt: AT } },
    { type: 'ReferralTimeoutChanged', data: { minutes: 30, changedAt: AT } },
    { type: 'ReturnWindowChanged', data: { days: 7, changedAt: AT } },
  ])('keeps $type internal', (stored) => {
    expect(leadTypesRelay.toMessage(recorded(stored))).toBeUndefined();
  });

  it('reads the settings stream only, not lead or claim streams', () => {
    const prefixes = leadTypesRelay.filter.streamNamePrefixes ?? [];
    const matches = (stream: string) => prefixes.some((prefix) => stream.startsWith(prefix));
    expect(matches(leadSettingsStream())).toBe(true);
    expect(matches(leadStream(randomUUID()))).toBe(false);
    expect(matches(`leadKey-${'a'.repeat(64)}`)).toBe(false);
  });
});
