import { Client, type ClientConfig } from 'pg';

/** At most one NOTIFY per this interval per store. */
export const NOTIFY_INTERVAL_MS = 10;
/** After a failed NOTIFY, the next one waits this long (subscribers elsewhere poll meanwhile). */
const RETRY_AFTER_FAILURE_MS = 1_000;

/**
 * Tells subscribers in other processes that this one appended, outside the
 * appends' transactions.
 *
 * A transaction that NOTIFYs takes a lock at commit that every other notifying
 * transaction in the cluster waits for, through its WAL flush: a pg_notify in
 * each append halved concurrent commit throughput (docs/benchmarks.md). Here
 * appends only call `appended()`, and this sends one NOTIFY on its own
 * connection (synchronous_commit off: the notification needs no durability)
 * right away when idle, then at most one per NOTIFY_INTERVAL_MS while appends
 * keep coming, each covering all appends committed before it was sent.
 *
 * Never fails an append: a NOTIFY that cannot be sent is dropped (subscribers
 * also poll), and the connection is opened again for a later one.
 */
export class AppendNotifier {
  private client?: Client;
  private sending = false;
  private pending = false;
  private timer?: NodeJS.Timeout;
  private notBefore = 0;
  private closed = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    /** Sent as the payload, so the store's own listener can tell its notifications apart. */
    private readonly payload: string,
    private readonly intervalMs = NOTIFY_INTERVAL_MS,
  ) {}

  /** Call after each append has committed. */
  appended(): void {
    if (this.closed) {
      return;
    }
    if (this.sending || this.timer) {
      this.pending = true;
      return;
    }
    const wait = this.notBefore - Date.now();
    if (wait > 0) {
      this.pending = true;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.send();
      }, wait);
      // Never the reason a process stays alive.
      this.timer.unref();
      return;
    }
    void this.send();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async send(): Promise<void> {
    this.sending = true;
    this.pending = false;
    this.notBefore = Date.now() + this.intervalMs;
    try {
      const client = this.client ?? (await this.connect());
      await client.query('SELECT pg_notify($1, $2)', [this.channel, this.payload]);
    } catch {
      this.drop(this.client);
      this.notBefore = Date.now() + RETRY_AFTER_FAILURE_MS;
    } finally {
      this.sending = false;
      if (this.pending) {
        this.appended();
      }
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      application_name: 'leadrail-append-notifier',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...this.connection,
    });
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      await client.query('SET synchronous_commit = off');
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('closed');
    }
    this.client = client;
    return client;
  }

  private drop(client: Client | undefined): void {
    if (client && this.client === client) {
      this.client = undefined;
      void client.end().catch(() => undefined);
    }
  }
}
