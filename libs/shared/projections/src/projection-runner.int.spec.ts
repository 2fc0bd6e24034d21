import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { someEvents } from '@leadrail/event-store/testing';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { type TestDatabase, createTestDatabase, expectEventually } from '@leadrail/testing';
import { DataSource } from 'typeorm';
import { BEGINNING } from './checkpoint-store';
import { ProjectionRunner } from './projection-runner';
import { RecordingLogger } from './testing/recording-logger';
import { StreamActivityProjection } from './testing/stream-activity.projection';

const STREAMS = 100;
const EVENTS_PER_STREAM = 60;

describe(ProjectionRunner.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let lastPosition = BEGINNING;

  beforeAll(async () => {
    database = await createTestDatabase('projections');
    store = await PostgresEventStore.open({ connectionString: database.url });
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    // Streams interleaved in the log, a few events per append.
    for (let round = 0; round < EVENTS_PER_STREAM / 6; round++) {
      for (let stream = 0; stream < STREAMS; stream++) {
        const result = await store.appendToStream(
          `activity-${stream}`,
          someEvents(6, `Round${round}`),
        );
        lastPosition = result.position;
      }
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  async function runToEnd(schema: string): Promise<StreamActivityProjection> {
    const projection = new StreamActivityProjection(schema);
    await projection.createTables(dataSource);
    const runner = new ProjectionRunner(store, dataSource, projection, { schema });
    await runner.start();
    await runner.waitFor(lastPosition);
    await runner.stop();
    return projection;
  }

  async function checkpointOf(schema: string): Promise<bigint> {
    const rows = await dataSource.query<{ position: string }[]>(
      `SELECT position FROM "${schema}".projection_checkpoints WHERE name = 'stream-activity'`,
    );
    return rows[0] ? BigInt(rows[0].position) : BEGINNING;
  }

  it('applies every event once, in order, and checkpoints the last position', async () => {
    const projection = await runToEnd('activity_once');
    const rows = (await projection.rows(dataSource)) as { events: number; last_revision: string }[];
    expect(rows).toHaveLength(STREAMS);
    expect(rows.every((row) => row.events === EVENTS_PER_STREAM)).toBe(true);
    expect(rows.every((row) => row.last_revision === String(EVENTS_PER_STREAM - 1))).toBe(true);
    expect(await checkpointOf('activity_once')).toBe(lastPosition);
  });

  it('ends with the same read model after its process is killed mid-run and restarted', async () => {
    const reference = await runToEnd('activity_reference');
    const fixture = join(__dirname, 'testing', 'run-projection.fixture.ts');
    const run = (delayMs: number): ChildProcess =>
      spawn(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          fixture,
          database.url,
          'activity_killed',
          lastPosition.toString(),
          String(delayMs),
        ],
        {
          cwd: join(__dirname, '../../../..'),
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );

    const doomed = run(1);
    const killedAt = await expectEventually(
      async () => {
        const checkpoint = await checkpointOf('activity_killed').catch(() => BEGINNING);
        expect(checkpoint).toBeGreaterThan(BEGINNING);
        return checkpoint;
      },
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    const checkpointAfterKill = await checkpointOf('activity_killed');
    expect(checkpointAfterKill).toBeGreaterThanOrEqual(killedAt);
    expect(checkpointAfterKill).toBeLessThan(lastPosition);

    const restarted = run(0);
    const [code] = (await once(restarted, 'exit')) as [number];
    expect(code).toBe(0);
    expect(await checkpointOf('activity_killed')).toBe(lastPosition);
    const killed = new StreamActivityProjection('activity_killed');
    expect(await killed.rows(dataSource)).toEqual(await reference.rows(dataSource));
  }, 90_000);

  it('rebuilt from position zero, equals the live read model, and keeps following the log', async () => {
    const projection = new StreamActivityProjection('activity_rebuild');
    await projection.createTables(dataSource);
    const runner = new ProjectionRunner(store, dataSource, projection, {
      schema: 'activity_rebuild',
    });
    await runner.start();
    try {
      await runner.waitFor(lastPosition);
      const live = await projection.rows(dataSource);

      await runner.rebuild();
      await runner.waitFor(lastPosition);
      expect(await projection.rows(dataSource)).toEqual(live);

      const next = await store.appendToStream('activity-new', someEvents(2, 'AfterRebuild'));
      await runner.waitFor(next.position);
      const rows = (await projection.rows(dataSource)) as { stream_name: string; events: number }[];
      expect(rows.find((row) => row.stream_name === 'activity-new')).toMatchObject({ events: 2 });
    } finally {
      await runner.stop();
    }
  });

  it('applies each event once when two runners of the same projection race', async () => {
    const schema = 'activity_twins';
    const projection = new StreamActivityProjection(schema);
    await projection.createTables(dataSource);
    const twins = [1, 2].map(
      () => new ProjectionRunner(store, dataSource, projection, { schema, batchSize: 20 }),
    );
    await Promise.all(twins.map((runner) => runner.start()));
    try {
      // Other tests may have appended since: wait for the end of the log as it is now.
      const end = (await store.appendToStream('activity-twins-marker', someEvents(1))).position;
      await expectEventually(async () => expect(await checkpointOf(schema)).toBe(end), {
        timeoutMs: 30_000,
      });
      const rows = (await projection.rows(dataSource)) as { stream_name: string; events: number }[];
      const seeded = rows.filter((row) => /^activity-\d+$/.test(row.stream_name));
      expect(seeded).toHaveLength(STREAMS);
      expect(seeded.every((row) => row.events === EVENTS_PER_STREAM)).toBe(true);
    } finally {
      await Promise.all(twins.map((runner) => runner.stop()));
    }
  });

  it('stops at an event it cannot apply, without skipping it or moving the checkpoint past it', async () => {
    const schema = 'activity_failing';
    const projection = new StreamActivityProjection(schema);
    await projection.createTables(dataSource);
    const poisoned = Object.assign(Object.create(projection) as StreamActivityProjection, {
      apply: async (...args: Parameters<StreamActivityProjection['apply']>) => {
        if (args[0].streamName === 'activity-7' && args[0].revision === 3n) {
          throw new Error('cannot apply activity-7@3');
        }
        return projection.apply(...args);
      },
    });
    const logger = new RecordingLogger();
    const runner = new ProjectionRunner(store, dataSource, poisoned, {
      schema,
      batchSize: 1,
      logger,
    });
    await runner.start();
    await expect(runner.waitFor(lastPosition)).rejects.toThrow('cannot apply activity-7@3');
    expect(runner.failure).toBeInstanceOf(Error);
    expect(logger.errors).toEqual([runner.failure!.message]);
    const poisonEvent = (
      await store.readStream('activity-7', { fromRevision: 3n, maxCount: 1 })
    )[0]!;
    expect(await checkpointOf(schema)).toBeLessThan(poisonEvent.position);
    await runner.stop();
  });
});
