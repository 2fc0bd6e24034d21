import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { fixedMetadata } from '@leadrail/event-store/testing';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import {
  type TestDatabase,
  createTestDatabase,
  ensureTopics,
  expectEventually,
  plainKafka,
  testEnvironment,
} from '@leadrail/testing';
import { Client } from 'pg';

const WRITERS = 4;
const AGGREGATES_PER_WRITER = 10;

interface Relayed {
  eventId: string;
  key: string;
  seq: number;
}

describe('relay from the log to Kafka', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const topic = `test.relay.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    store = await PostgresEventStore.open({ connectionString: database.url });
    await ensureTopics([topic], 3);
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  function startRelay(): ChildProcess {
    const fixture = join(__dirname, '..', 'testing', 'run-relay.fixture.ts');
    return spawn(
      process.execPath,
      ['-r', '@swc-node/register', fixture, database.url, testEnvironment().kafkaBrokers, topic],
      { cwd: join(__dirname, '../../../../..'), stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }

  async function relayCheckpoint(): Promise<bigint> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ position: string }>(
        "SELECT position FROM relay_test.projection_checkpoints WHERE name = 'relay:orders'",
      );
      return rows[0] ? BigInt(rows[0].position) : -1n;
    } catch {
      return -1n;
    } finally {
      await client.end();
    }
  }

  /** Each writer owns its aggregates, so every aggregate's events carry seq 0, 1, 2, ... */
  function writeUnderLoad(stop: { requested: boolean }): Promise<{ ids: string[]; last: bigint }> {
    const ids: string[] = [];
    let last = -1n;
    const writer = async (w: number): Promise<void> => {
      for (let seq = 0; !stop.requested; seq++) {
        for (let a = 0; a < AGGREGATES_PER_WRITER && !stop.requested; a++) {
          const id = randomUUID();
          const result = await store.appendToStream(`order-${w}x${a}`, [
            { id, type: 'OrderNoted', data: { seq }, metadata: fixedMetadata },
          ]);
          ids.push(id);
          last = result.position > last ? result.position : last;
        }
      }
    };
    return Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))).then(() => ({
      ids,
      last,
    }));
  }

  it('killed and restarted under load, delivers every event of the log, in order per aggregate', async () => {
    const stop = { requested: false };
    const writing = writeUnderLoad(stop);

    const first = startRelay();
    const reached = await expectEventually(
      async () => {
        const checkpoint = await relayCheckpoint();
        expect(checkpoint).toBeGreaterThan(-1n);
        return checkpoint;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    first.kill('SIGKILL');
    await once(first, 'exit');

    const second = startRelay();
    await expectEventually(async () => expect(await relayCheckpoint()).toBeGreaterThan(reached), {
      timeoutMs: 30_000,
    });
    stop.requested = true;
    const { ids, last } = await writing;
    await expectEventually(async () => expect(await relayCheckpoint()).toBe(last), {
      timeoutMs: 60_000,
    });
    second.kill('SIGTERM');
    await once(second, 'exit');

    const relayed = await readTopic(topic, new Set(ids));
    const firstSeen = new Map<string, Relayed>();
    for (const message of relayed) {
      if (!firstSeen.has(message.eventId)) {
        firstSeen.set(message.eventId, message);
      }
    }
    expect(new Set(firstSeen.keys())).toEqual(new Set(ids));
    expect(relayed.length).toBeGreaterThanOrEqual(ids.length);
    const perKey = new Map<string, number[]>();
    for (const message of firstSeen.values()) {
      perKey.set(message.key, [...(perKey.get(message.key) ?? []), message.seq]);
    }
    expect(perKey.size).toBe(WRITERS * AGGREGATES_PER_WRITER);
    for (const seqs of perKey.values()) {
      expect(seqs).toEqual(seqs.map((_, index) => index));
    }
  }, 120_000);
});

/** Everything on the topic, in partition order, until every expected id was seen. */
async function readTopic(topic: string, expected: Set<string>): Promise<Relayed[]> {
  const consumer = plainKafka().consumer({ groupId: `relay-check-${randomUUID()}` });
  const relayed: Relayed[] = [];
  const seen = new Set<string>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = JSON.parse(message.value!.toString()) as {
        eventId: string;
        data: { seq: number };
      };
      relayed.push({
        eventId: envelope.eventId,
        key: message.key!.toString(),
        seq: envelope.data.seq,
      });
      seen.add(envelope.eventId);
      return Promise.resolve();
    },
  });
  try {
    await expectEventually(() => expect([...expected].every((id) => seen.has(id))).toBe(true), {
      timeoutMs: 60_000,
    });
  } finally {
    await consumer.disconnect();
  }
  return relayed;
}
