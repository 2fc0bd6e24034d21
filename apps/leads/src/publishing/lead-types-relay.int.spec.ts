import { randomUUID } from 'node:crypto';
import type { EventStore } from '@leadrail/event-store';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadTypeKey, leadsRegistry } from '@leadrail/leads-contracts';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { findMessage } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { leadsService } from '../leads.service';

const metadata = () => {
  const id = randomUUID();
  return {
    correlationId: id,
    causationId: id,
    occurredAt: new Date().toISOString(),
    actor: { type: 'operator' as const, id: 'operator-anna' },
  };
};

describe('lead-types relay to leadrail.leads.v1', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('publishes lead types from the settings stream keyed lead-type:<slug>, and no other setting', async () => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const slug = `relay-${randomUUID().slice(0, 8)}`;
    const at = new Date().toISOString();
    // A test database of its own: the settings stream starts empty here.
    const rulesEventId = randomUUID();
    const events = [
      { type: 'DuplicateRulesChanged', data: { rules: [], changedAt: at }, id: rulesEventId },
      {
        type: 'LeadTypeDefined',
        data: { slug, name: 'Relay test', definedAt: at },
        id: randomUUID(),
      },
      {
        type: 'LeadTypeChanged',
        data: { slug, name: 'Relay test', active: false, changedAt: at },
        id: randomUUID(),
      },
    ];
    await store.appendToStream(
      'leadSettings-current',
      events.map((event) => ({ ...event, metadata: metadata() })),
    );

    const changed = await findMessage(
      Topics.leads,
      (message) =>
        message.key === leadTypeKey(slug) &&
        message.headers['leadrail-event-type'] === 'LeadTypeChanged',
      30_000,
    );
    const parsed = parseIntegrationEvent(changed.value ?? '', leadsRegistry);
    // Stored before lead types had a routing method: published as round-robin.
    expect(parsed.ok ? parsed.event.data : parsed.message).toEqual({
      ...events[2]!.data,
      routingMethod: 'round-robin',
    });
    const defined = await findMessage(
      Topics.leads,
      (message) => message.headers['leadrail-event-id'] === events[1]!.id,
    );
    expect(defined.key).toBe(leadTypeKey(slug));
    // The rules event came first in the stream: had it been published, it would be read by now.
    await expect(
      findMessage(
        Topics.leads,
        (message) => message.headers['leadrail-event-id'] === rulesEventId,
        3_000,
      ),
    ).rejects.toThrow('no matching message');
  });
});
