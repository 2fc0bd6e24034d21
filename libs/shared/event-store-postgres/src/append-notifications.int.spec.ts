import {
  TcpProxy,
  type TestDatabase,
  createTestDatabase,
  expectEventually,
} from '@leadrail/testing';
import { Client, type Notification } from 'pg';
import { AppendNotifications } from './append-notifications';
import { AppendNotifier } from './append-notifier';

const CHANNEL = 'listener_test_appended';

/**
 * The LISTEN connection survives what a PostgreSQL restart does to it; the
 * NOTIFY side coalesces, stays out of appends' transactions, and reconnects.
 */
describe(AppendNotifications.name, () => {
  let database: TestDatabase;
  let admin: Client;
  const closing: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('append-notifications');
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });

  afterEach(async () => {
    for (const close of closing.splice(0)) {
      await close();
    }
  });

  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  /** Notifications open on `url`, and how many times its listener was called. */
  async function listening(url: string) {
    const notifications = new AppendNotifications({ connectionString: url }, CHANNEL);
    closing.push(() => notifications.close());
    const calls = { count: 0 };
    await notifications.add(() => {
      calls.count += 1;
    });
    return { notifications, calls };
  }

  async function listenerPids(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'leadrail-append-listener'`,
    );
    return rows.map((row) => row.pid);
  }

  /** Notifies until the listener has been called again: a NOTIFY is only heard by a live LISTEN. */
  async function expectHeard(calls: { count: number }): Promise<void> {
    const before = calls.count;
    await expectEventually(async () => {
      await admin.query('SELECT pg_notify($1, $2)', [CHANNEL, '']);
      expect(calls.count).toBeGreaterThan(before);
    });
  }

  it('listens again after its backend is terminated, and wakes its listeners', async () => {
    const { notifications, calls } = await listening(database.url);
    await expectHeard(calls);
    const [first] = await listenerPids();
    expect(first).toBeDefined();

    const beforeLoss = calls.count;
    await admin.query('SELECT pg_terminate_backend($1)', [first]);
    // Woken at once on the loss (appends may have been missed), then again once back.
    await expectEventually(() => expect(calls.count).toBeGreaterThan(beforeLoss));
    await expectEventually(async () => {
      const pids = await listenerPids();
      expect(pids).toHaveLength(1);
      expect(pids[0]).not.toBe(first);
      // The new backend shows before its LISTEN has run: listening follows a moment later.
      expect(notifications.isListening).toBe(true);
    });
    await expectHeard(calls);
  });

  it('keeps reconnecting, with backoff, while the server cannot be reached', async () => {
    const proxy = await TcpProxy.forUrl(database.url);
    closing.push(() => proxy.close());
    const { notifications, calls } = await listening(proxy.urlFor(database.url));
    await expectHeard(calls);

    proxy.cut();
    await expectEventually(() => expect(notifications.isListening).toBe(false));
    // Several reconnection attempts fail meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(notifications.isListening).toBe(false);

    proxy.restore();
    await expectEventually(() => expect(notifications.isListening).toBe(true), {
      timeoutMs: 15_000,
    });
    await expectHeard(calls);
  });

  it('leaves no connection behind once closed, even while reconnecting', async () => {
    const proxy = await TcpProxy.forUrl(database.url);
    closing.push(() => proxy.close());
    const { notifications } = await listening(proxy.urlFor(database.url));
    expect(notifications.isListening).toBe(true);
    proxy.cut();
    await expectEventually(() => expect(notifications.isListening).toBe(false));

    await notifications.close();
    proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(notifications.isListening).toBe(false);
    expect(await listenerPids()).toEqual([]);
  });

  it("wakes its listeners when told the store appended, and ignores the store's own notifications", async () => {
    const { notifications, calls } = await listening(database.url);
    const own = new AppendNotifications({ connectionString: database.url }, CHANNEL, 'me');
    closing.push(() => own.close());
    const ownCalls = { count: 0 };
    await own.add(() => {
      ownCalls.count += 1;
    });
    own.wake();
    expect(ownCalls.count).toBe(1);
    await admin.query('SELECT pg_notify($1, $2)', [CHANNEL, 'me']);
    await admin.query('SELECT pg_notify($1, $2)', [CHANNEL, 'someone else']);
    await expectEventually(() => expect(calls.count).toBe(2));
    await expectEventually(() => expect(ownCalls.count).toBe(2));
    expect(notifications.isListening).toBe(true);
  });

  /** A plain LISTEN client counting what it hears. */
  async function heard(): Promise<Notification[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    closing.push(() => client.end());
    const received: Notification[] = [];
    client.on('notification', (message) => received.push(message));
    await client.query(`LISTEN "${CHANNEL}"`);
    return received;
  }

  it('AppendNotifier: a burst of appends is one NOTIFY at once and at most one per interval after, the last one covered', async () => {
    const received = await heard();
    const notifier = new AppendNotifier({ connectionString: database.url }, CHANNEL, 'me', 50);
    closing.push(() => notifier.close());
    const started = Date.now();
    for (let i = 0; i < 200; i++) {
      notifier.appended();
      if (i % 20 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    await expectEventually(() => expect(received.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const intervals = Math.ceil((Date.now() - started) / 50);
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received.length).toBeLessThanOrEqual(intervals + 1);
    expect(received.every((message) => message.payload === 'me')).toBe(true);
    // One more after the burst ended: nothing waits for a later append to be announced.
    const before = received.length;
    notifier.appended();
    await expectEventually(() => expect(received.length).toBe(before + 1));
  });

  it('AppendNotifier: notifies again after its backend is terminated', async () => {
    const received = await heard();
    const notifier = new AppendNotifier({ connectionString: database.url }, CHANNEL, 'me', 10);
    closing.push(() => notifier.close());
    notifier.appended();
    await expectEventually(() => expect(received).toHaveLength(1));
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'leadrail-append-notifier'`,
    );
    expect(rows).toHaveLength(1);
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    // Announced again on a new connection (a send that meets the dead one is dropped).
    await expectEventually(
      async () => {
        notifier.appended();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(received.length).toBeGreaterThan(1);
      },
      { timeoutMs: 15_000 },
    );
  });
});
