import { Client, type ClientConfig } from 'pg';

type Listener = () => void;

/** Reconnection delays: doubling from the first up to the last, with jitter. */
const RECONNECT_INITIAL_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * One LISTEN connection per store, shared by all its subscriptions, which
 * also wakes them when the store itself appended (`wake()`, without a round
 * trip; its own notifications, sent by AppendNotifier, are then ignored).
 *
 * The connection is lost when PostgreSQL restarts, fails over or drops idle
 * connections. Subscriptions then still poll (every 250 ms), and this
 * reconnects in the background with backoff until it succeeds or is closed;
 * once LISTENing again it wakes every listener, since appends notified while
 * it was away were missed.
 */
export class AppendNotifications {
  private readonly listeners = new Set<Listener>();
  private client?: Client;
  private connecting?: Promise<void>;
  private reconnectTimer?: NodeJS.Timeout;
  private failedAttempts = 0;
  private wasListening = false;
  private closed = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    /** The payload of this store's own notifications: already woken by `wake()`. */
    private readonly ownPayload?: string,
  ) {}

  /** True while the LISTEN connection is up. */
  get isListening(): boolean {
    return this.client !== undefined;
  }

  /** Starts listening (once) and registers `listener`; returns its removal. */
  async add(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    await this.ensureConnected();
    return () => this.listeners.delete(listener);
  }

  /** Wakes every listener now: this store appended. */
  wake(): void {
    this.notifyAll();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Connects now unless connected, connecting or waiting to retry; never rejects. */
  private ensureConnected(): Promise<void> {
    if (this.client || this.closed || this.reconnectTimer) {
      return this.connecting ?? Promise.resolve();
    }
    this.connecting ??= this.connect()
      .then(
        () => {
          this.failedAttempts = 0;
        },
        () => this.scheduleReconnect(),
      )
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      // Found in pg_stat_activity by name; keepalives notice a peer that vanished without a word.
      application_name: 'leadrail-append-listener',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...this.connection,
    });
    client.on('notification', (message) => {
      if (this.ownPayload === undefined || message.payload !== this.ownPayload) {
        this.notifyAll();
      }
    });
    // Both can fire for one loss (an error message, then the socket's end): lost() acts once.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      // Closed while connecting: do not leave a connection behind.
      await client.end().catch(() => undefined);
      return;
    }
    // Appends notified while nobody listened were missed: every subscription reads now.
    const missedSome = this.failedAttempts > 0 || this.wasListening;
    this.client = client;
    this.wasListening = true;
    if (missedSome) {
      this.notifyAll();
    }
  }

  private lost(client: Client): void {
    if (this.client !== client) {
      return;
    }
    this.client = undefined;
    void client.end().catch(() => undefined);
    // Subscriptions read at once instead of waiting for their next poll.
    this.notifyAll();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) {
      return;
    }
    this.failedAttempts += 1;
    const ceiling = Math.min(
      RECONNECT_MAX_MS,
      RECONNECT_INITIAL_MS * 2 ** (this.failedAttempts - 1),
    );
    const delay = ceiling / 2 + (Math.random() * ceiling) / 2;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.ensureConnected();
    }, delay);
    // Never the reason a process stays alive.
    this.reconnectTimer.unref();
  }

  private notifyAll(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }
}
