import type { RecordedEvent } from '@leadrail/event-store';
import { someEvents } from '@leadrail/event-store/testing';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import {
  TcpProxy,
  type TestDatabase,
  createTestDatabase,
  expectEventually,
} from '@leadrail/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { BEGINNING } from './checkpoint-store';
import { ProjectionFailure } from './projection-failure';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { RecordingLogger } from './testing/recording-logger';
import { StreamActivityProjection } from './testing/stream-activity.projection';

const STREAMS = 12;
const EVENTS_PER_STREAM = 20;
/** Short delays: the tests wait for outcomes, not for backoff. */
const FAST = {
  retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 50 },
  resume: { initialDelayMs: 20, maxDelayMs: 200 },
};

/**
 * Transient failures (the log unreachable, the database cutting a batch's
 * connection) are resumed from the checkpoint for as long as they last; only
 * an event the projection's own code or SQL cannot apply stops it.
 */
describe(`${ProjectionRunner.name} under failures`, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('projections-resilience');
    store = await PostgresEventStore.open({ connectionString: database.url });
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await store?.close();
    await database?.drop();
  });

  /** Streams `<prefix>-0…` with events interleaved in the log; the last position. */
  async function seed(prefix: string, streams = STREAMS, perStream = EVENTS_PER_STREAM) {
    let last = BEGINNING;
    for (let round = 0; round < perStream / 4; round++) {
      for (let stream = 0; stream < streams; stream++) {
        last = (await store.appendToStream(`${prefix}-${stream}`, someEvents(4, `R${round}`)))
          .position;
      }
    }
    return last;
  }

  async function runner(
    schema: string,
    prefix: string,
    options: Partial<ProjectionRunnerOptions> & { store?: PostgresEventStore } = {},
    wrap: (projection: StreamActivityProjection) => StreamActivityProjection = (p) => p,
  ) {
    const projection = new StreamActivityProjection(schema, { streamNamePrefixes: [`${prefix}-`] });
    await projection.createTables(dataSource);
    const logger = new RecordingLogger();
    const created = new ProjectionRunner(options.store ?? store, dataSource, wrap(projection), {
      schema,
      logger,
      ...FAST,
      ...options,
    });
    cleanups.push(() => created.stop());
    return { runner: created, projection, logger };
  }

  /** The read model of a runner that never failed, over the same events. */
  async function reference(prefix: string, until: bigint): Promise<unknown[]> {
    const { runner: clean, projection } = await runner(`${prefix}_reference`, prefix);
    await clean.start();
    await clean.waitFor(until);
    return projection.rows(dataSource);
  }

  /** `projection` whose apply runs `sql` first, through the batch's own transaction, for `times` attempts at one event. */
  function failingAt(
    streamName: string,
    revision: bigint,
    sql: string,
    times: number,
    attempts: RecordedEvent[],
  ) {
    return (projection: StreamActivityProjection) =>
      Object.assign(Object.create(projection) as StreamActivityProjection, {
        apply: async (event: RecordedEvent, manager: EntityManager) => {
          if (event.streamName === streamName && event.revision === revision) {
            attempts.push(event);
            if (attempts.length <= times) {
              await manager.query(sql);
            }
          }
          return projection.apply(event, manager);
        },
      });
  }

  it('resumes from its checkpoint after reads of the log failed, ending equal to a run that never failed', async () => {
    const proxy = await TcpProxy.forUrl(database.url);
    const cutOffStore = await PostgresEventStore.open({
      connectionString: proxy.urlFor(database.url),
    });
    cleanups.push(async () => {
      await cutOffStore.close();
      await proxy.close();
    });
    const seeded = await seed('read');
    const {
      runner: subject,
      projection,
      logger,
    } = await runner('read_subject', 'read', {
      store: cutOffStore,
    });
    await subject.start();
    await subject.waitFor(seeded);

    proxy.cut();
    await expectEventually(() => expect(subject.status().retries.read).toBeGreaterThanOrEqual(2));
    expect(subject.status()).toMatchObject({ state: 'retrying', position: seeded });
    // Appended while the runner cannot read: it must pick them up from its checkpoint.
    const end = await seed('read', STREAMS, 4);
    proxy.restore();

    await subject.waitFor(end);
    expect(subject.failure).toBeUndefined();
    expect(subject.status()).toMatchObject({ state: 'running', position: end });
    expect(await projection.rows(dataSource)).toEqual(await reference('read', end));
    expect(logger.warnings[0]).toMatch(
      /^projection stream-activity: reading the log failed \(attempt 1\), resuming from position \d+ in \d+ ms: .+/,
    );
    // One line per retry, never a stack.
    expect(logger.warnings.every((line) => !line.includes('\n'))).toBe(true);
    expect(logger.infos.some((line) => line.includes('resumed at position'))).toBe(true);
  });

  it('retries a batch whose database connection is terminated, for as long as it happens, applying each event once', async () => {
    const seeded = await seed('terminated');
    const attempts: RecordedEvent[] = [];
    // More times than the bounded retries of the projection's own errors: transient ones have no limit.
    const { runner: subject, projection } = await runner(
      'terminated_subject',
      'terminated',
      { batchSize: 7 },
      failingAt('terminated-5', 9n, 'SELECT pg_terminate_backend(pg_backend_pid())', 5, attempts),
    );
    await subject.start();

    await subject.waitFor(seeded);
    expect(attempts).toHaveLength(6);
    expect(subject.failure).toBeUndefined();
    expect(subject.status().retries.apply).toBeGreaterThanOrEqual(5);
    // The order-sensitive checksum per stream catches a lost, repeated or reordered event.
    expect(await projection.rows(dataSource)).toEqual(await reference('terminated', seeded));
  });

  it('stops at an event its SQL cannot apply, after a few attempts, naming the event', async () => {
    const seeded = await seed('poison');
    const poison = (await store.readStream('poison-7', { fromRevision: 3n, maxCount: 1 }))[0]!;
    const attempts: RecordedEvent[] = [];
    const {
      runner: subject,
      projection,
      logger,
    } = await runner(
      'poison_subject',
      'poison',
      // One event per transaction: everything before the poison event is applied.
      { batchSize: 1 },
      failingAt('poison-7', 3n, 'SELECT 1 / 0', Number.POSITIVE_INFINITY, attempts),
    );
    await subject.start();

    const stopped = await subject.waitFor(seeded).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(ProjectionFailure);
    expect(subject.failure).toBe(stopped);
    expect(subject.failure).toMatchObject({
      projection: 'stream-activity',
      attempts: 3,
      event: {
        streamName: 'poison-7',
        revision: 3n,
        position: poison.position,
        type: poison.type,
        id: poison.id,
      },
    });
    expect(subject.failure!.cause).toMatchObject({ code: '22012' });
    expect(subject.failure!.message).toContain(`poison-7@3 (${poison.type}, position`);
    expect(attempts).toHaveLength(3);
    expect(subject.status().state).toBe('stopped');
    expect(subject.position).toBeLessThan(poison.position);
    const checkpoint = await dataSource.query<{ position: string }[]>(
      `SELECT position FROM poison_subject.projection_checkpoints WHERE name = 'stream-activity'`,
    );
    expect(BigInt(checkpoint[0]!.position)).toBeLessThan(poison.position);
    const rows = (await projection.rows(dataSource)) as { stream_name: string; events: number }[];
    expect(rows.find((row) => row.stream_name === 'poison-7')).toMatchObject({ events: 3 });
    expect(logger.warnings).toHaveLength(2);
    expect(logger.errors).toEqual([subject.failure!.message]);
  });

  it('stops at once when stop() comes during a long backoff', async () => {
    const proxy = await TcpProxy.forUrl(database.url);
    const cutOffStore = await PostgresEventStore.open({
      connectionString: proxy.urlFor(database.url),
    });
    cleanups.push(async () => {
      await cutOffStore.close();
      await proxy.close();
    });
    const { runner: subject } = await runner('backoff_subject', 'backoff', {
      store: cutOffStore,
      resume: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await subject.start();
    proxy.cut();
    await expectEventually(() => expect(subject.status().state).toBe('retrying'));

    const started = Date.now();
    await subject.stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(subject.status()).toMatchObject({ state: 'idle', failure: undefined });
  });
});
