import { createHash, randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@leadrail/event-store';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { leadStream } from '@leadrail/leads-domain';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { leadsService } from '../leads.service';
import { FIXTURE_LEAD_ID, storedLeadEvents } from './stored-lead-events.fixture';

interface Read {
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

const metadata = () => {
  const id = randomUUID();
  return {
    correlationId: id,
    causationId: id,
    occurredAt: new Date().toISOString(),
    actor: { type: 'system' as const, id: 'leads.tests' },
  };
};

/** Every stored lead event type, rewritten for a lead of the test's own. */
function storedEventsOf(leadId: string): NewEvent[] {
  return Object.values(storedLeadEvents).map((event) => ({
    id: randomUUID(),
    type: event.type,
    data: JSON.parse(JSON.stringify(event.data).replaceAll(FIXTURE_LEAD_ID, leadId)) as unknown,
    metadata: metadata(),
  }));
}

describe('leads relay to leadrail.leads.v1', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it("publishes every event of a lead's stream, in order, each valid against leadsRegistry; never a claim stream's", async () => {
    const store = service.app.get<EventStore>(EVENT_STORE);
    const leadId = randomUUID();
    // A de-duplication claim, appended first: were the relay to read `leadKey-…`
    // streams, its message would be on the topic before the lead's last one.
    const claimId = createHash('sha256').update(`["email","*","${leadId}"]`).digest('hex');
    await store.appendToStream(`leadKey-${claimId}`, [
      { id: randomUUID(), type: 'LeadKeyClaimed', data: { leadId }, metadata: metadata() },
    ]);
    const events = storedEventsOf(leadId);
    await store.appendToStream(leadStream(leadId), events);

    const topic = await readUntil(events.length, leadId);
    const mine = topic.filter((message) => message.key === leadId);
    expect(mine.map((message) => JSON.parse(message.value) as { eventId: string })).toEqual(
      events.map((event) => expect.objectContaining({ eventId: event.id }) as unknown),
    );
    const parsed = mine.map((message) => parseIntegrationEvent(message.value, leadsRegistry));
    expect(parsed.filter((result) => !result.ok)).toEqual([]);
    expect(parsed.map((result) => (result.ok ? result.event.type : ''))).toEqual(
      events.map((event) => (event.type === 'LeadReceived' ? 'LeadRecorded' : event.type)),
    );
    expect(mine.map((message) => message.headers['leadrail-event-type'])).toEqual(
      parsed.map((result) => (result.ok ? result.event.type : '')),
    );
    expect(topic.filter((message) => message.key === claimId)).toEqual([]);
  });
});

/**
 * The whole topic from the beginning, once `count` messages keyed `leadId`
 * arrived and every partition was read to the end it had then, so that a
 * message appended before them (on any partition) would be among those read.
 */
async function readUntil(count: number, leadId: string): Promise<Read[]> {
  const kafka = plainKafka();
  const consumer = kafka.consumer({ groupId: `leads-relay-check-${randomUUID()}` });
  const read: Read[] = [];
  const nextOffset = new Map<number, bigint>();
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.leads, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ partition, message }) => {
      nextOffset.set(partition, BigInt(message.offset) + 1n);
      read.push({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        ),
      });
      return Promise.resolve();
    },
  });
  try {
    await expectEventually(
      () => expect(read.filter((message) => message.key === leadId)).toHaveLength(count),
      { timeoutMs: 30_000 },
    );
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(Topics.leads).finally(() => admin.disconnect());
    await expectEventually(() => {
      for (const { partition, high } of ends) {
        expect(nextOffset.get(partition) ?? 0n).toBeGreaterThanOrEqual(BigInt(high));
      }
    });
  } finally {
    await consumer.disconnect();
  }
  return read;
}
