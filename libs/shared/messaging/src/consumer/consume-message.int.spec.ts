import { randomUUID } from 'node:crypto';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeadLetter, DeadLetterSink } from '../dead-letters/dead-letter';
import { CreateInbox1764000000000 } from '../inbox/inbox';
import { consumeMessage, type ConsumerDependencies } from './consume-message';
import type { IntegrationEventHandler } from './event-handler';
import type { DecodedEvent, InboundMessage } from './inbound-message';

interface Noted extends DecodedEvent {
  data: { note: string };
}

/** Collects dead letters in memory: the sink's Kafka form is tested in dead-letter-queue.int.spec.ts. */
class CollectingSink implements DeadLetterSink {
  readonly letters: DeadLetter[] = [];
  send(letter: DeadLetter): Promise<void> {
    this.letters.push(letter);
    return Promise.resolve();
  }
}

function message(event: object | string): InboundMessage {
  return {
    topic: 'notes.v1',
    partition: 0,
    offset: '7',
    key: 'k',
    value: Buffer.from(typeof event === 'string' ? event : JSON.stringify(event)),
    headers: {},
  };
}

/** A handler whose effect is a row per application: applying twice would show. */
function recorder(
  name: string,
  failuresBeforeSuccess = 0,
): IntegrationEventHandler<Noted> & { calls: number } {
  let failures = failuresBeforeSuccess;
  return {
    name,
    eventTypes: ['Noted'],
    calls: 0,
    async handle(event: Noted, manager: EntityManager) {
      this.calls += 1;
      await manager.query('INSERT INTO effects (handler, event_id) VALUES ($1, $2)', [
        name,
        event.eventId,
      ]);
      if (failures-- > 0) {
        throw new Error(`${name} failed`);
      }
    },
  };
}

describe(consumeMessage.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('consume-message');
    dataSource = await new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [CreateInbox1764000000000],
    }).initialize();
    await dataSource.runMigrations();
    await dataSource.query('CREATE TABLE effects (handler text NOT NULL, event_id uuid NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function deps(
    handlers: IntegrationEventHandler<Noted>[],
    sink = new CollectingSink(),
  ): ConsumerDependencies<Noted> {
    return {
      decode: (raw) => {
        try {
          return { ok: true, event: JSON.parse(raw.value!.toString()) as Noted };
        } catch {
          return { ok: false, reason: 'invalid-json', message: 'not JSON' };
        }
      },
      handlers,
      transaction: (work) => dataSource.transaction(work),
      deadLetters: sink,
      retry: { attempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
      consumerGroup: 'test-group',
      sleep: () => Promise.resolve(),
      clock: () => new Date('2026-11-25T10:00:00.000Z'),
    };
  }

  async function effects(eventId: string): Promise<string[]> {
    const rows = await dataSource.query<{ handler: string }[]>(
      'SELECT handler FROM effects WHERE event_id = $1 ORDER BY handler',
      [eventId],
    );
    return rows.map((row) => row.handler);
  }

  it('applies each interested handler once, and skips them when the message is redelivered', async () => {
    const event = { eventId: randomUUID(), type: 'Noted', version: 1, data: { note: 'hi' } };
    const handlers = [recorder('a'), recorder('b')];
    expect(await consumeMessage(message(event), deps(handlers))).toMatchObject({
      kind: 'consumed',
      applied: ['a', 'b'],
    });
    expect(await consumeMessage(message(event), deps(handlers))).toMatchObject({
      kind: 'consumed',
      applied: [],
      skipped: ['a', 'b'],
    });
    expect(await effects(event.eventId)).toEqual(['a', 'b']);
  });

  it('retries a failing handler, rolling back each failed attempt, and applies it once it succeeds', async () => {
    const event = { eventId: randomUUID(), type: 'Noted', version: 1, data: { note: 'flaky' } };
    const flaky = recorder('flaky', 2);
    const sink = new CollectingSink();
    expect(await consumeMessage(message(event), deps([flaky], sink))).toMatchObject({
      applied: ['flaky'],
    });
    expect(flaky.calls).toBe(3);
    expect(await effects(event.eventId)).toEqual(['flaky']);
    expect(sink.letters).toEqual([]);
  });

  it('dead-letters a message whose handler keeps failing; a replay re-runs only that handler', async () => {
    const event = { eventId: randomUUID(), type: 'Noted', version: 1, data: { note: 'poison' } };
    const good = recorder('good');
    const broken = recorder('broken', 3);
    const sink = new CollectingSink();
    expect(await consumeMessage(message(event), deps([good, broken], sink))).toMatchObject({
      applied: ['good'],
      failed: ['broken'],
    });
    expect(broken.calls).toBe(3);
    expect(sink.letters).toHaveLength(1);
    expect(sink.letters[0]).toMatchObject({
      reason: 'processing-failed',
      error: 'broken: broken failed',
      consumerGroup: 'test-group',
    });
    expect(await effects(event.eventId)).toEqual(['good']);

    // After the fix, the replayed message runs only the handler that had failed.
    const fixed = recorder('broken');
    expect(await consumeMessage(message(event), deps([good, fixed], sink))).toMatchObject({
      applied: ['broken'],
      skipped: ['good'],
    });
    expect(await effects(event.eventId)).toEqual(['broken', 'good']);
  });

  it('dead-letters an undecodable message without running any handler', async () => {
    const handler = recorder('never');
    const sink = new CollectingSink();
    expect(await consumeMessage(message('{not json'), deps([handler], sink))).toEqual({
      kind: 'dead-lettered',
      reason: 'invalid-json',
      error: 'not JSON',
    });
    expect(handler.calls).toBe(0);
    expect(sink.letters[0]!.message.offset).toBe('7');
  });
});
