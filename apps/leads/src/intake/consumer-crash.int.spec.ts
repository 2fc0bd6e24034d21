import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import {
  type TestDatabase,
  createTestDatabase,
  expectEventually,
  plainKafka,
  testEnvironment,
} from '@leadrail/testing';
import { Partitioners } from 'kafkajs';
import { Topics } from '@leadrail/topics';
import { Client } from 'pg';

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

describe('leads consumer killed after its effect, before committing the offset', () => {
  let database: TestDatabase;
  const groupId = `test-leads-crash-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    database = await createTestDatabase('leads-crash');
  });

  afterAll(async () => {
    await database?.drop();
  });

  function start(blockAfterEffectOf: string): Running {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '..', 'testing', 'run-leads.fixture.ts')],
      {
        cwd: join(__dirname, '../../../..'),
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: database.url,
          KAFKA_BROKERS: testEnvironment().kafkaBrokers,
          KAFKA_GROUP_ID: groupId,
          // The killed member's partitions move to the restarted one after this long.
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'error',
          BLOCK_AFTER_EFFECT_OF: blockAfterEffectOf,
          // Required configuration the test never uses: no operator or portal request is made.
          OPERATOR_TOKENS: `unused:admin:${'0'.repeat(64)}`,
          PORTAL_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  /** The events recorded on the lead's stream: the intake's effect, once. */
  async function submissions(leadId: string): Promise<number> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ events: string }>(
        'SELECT count(*) AS events FROM leads_log.events WHERE stream_name = $1',
        [`lead-${leadId}`],
      );
      return Number(rows[0]?.events ?? 0);
    } finally {
      await client.end();
    }
  }

  it('does not apply the effect again when the message is redelivered after restart', async () => {
    const introducerId = randomUUID();
    const eventId = randomUUID();
    const event = {
      ...mortgageLeadFromCrm.payload,
      eventId,
      data: { ...mortgageLeadFromCrm.payload.data, leadId: randomUUID(), introducerId },
    };

    const doomed = start(eventId);
    await expectEventually(() => expect(doomed.output()).toContain('READY'), { timeoutMs: 45_000 });
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const [sent] = await producer.send({
      topic: Topics.leadIntake,
      acks: -1,
      messages: [{ key: event.data.leadId, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    const delivery = `${sent!.partition}/${sent!.baseOffset!}`;
    await expectEventually(() => expect(doomed.output()).toContain(`EFFECT_DONE ${eventId}`), {
      timeoutMs: 30_000,
    });
    expect(doomed.output()).toContain(`RECEIVED ${delivery}`);
    doomed.child.kill('SIGKILL');
    await once(doomed.child, 'exit');
    // Until the group forgets the killed member (its session times out), a newcomer's
    // rebalance would wait for it: start the restarted consumer into an empty group.
    const admin = plainKafka().admin();
    await admin.connect();
    await expectEventually(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        expect(groups[0]?.members).toEqual([]);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await admin.disconnect();
    expect(await submissions(event.data.leadId)).toBe(1);

    const restarted = start('');
    try {
      // The same partition and offset again: the offset had not been committed.
      await expectEventually(() => expect(restarted.output()).toContain(`RECEIVED ${delivery}`), {
        timeoutMs: 60_000,
      });
      await expectEventually(async () => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query(
          'SELECT handler FROM leads.processed_events WHERE event_id = $1',
          [eventId],
        );
        await client.end();
        expect(rows).toEqual([{ handler: 'leads.record-received-lead' }]);
      });
      expect(await submissions(event.data.leadId)).toBe(1);
    } finally {
      restarted.child.kill('SIGTERM');
      await once(restarted.child, 'exit');
    }
  }, 150_000);
});
