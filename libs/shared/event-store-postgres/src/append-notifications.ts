import { Client, type ClientConfig } from 'pg';

type Listener = () => void;

/**
 * One LISTEN connection per store, shared by all its subscriptions. If it
 * drops, subscriptions still poll; it reconnects in the background.
 */
export class AppendNotifications {
  private readonly listeners = new Set<Listener>();
  private client?: Client;
  private connecting?: Promise<void>;
  private closed = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
  ) {}

  /** Starts listening (once) and registers `listener`; returns its removal. */
  async add(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    await this.ensureConnected().catch(() => undefined);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.client?.end().catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) {
      return Promise.resolve();
    }
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', () => {
      for (const listener of this.listeners) {
        listener();
      }
    });
    client.on('error', () => {
      this.client = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.ensureConnected().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    if (this.closed) {
      // Closed while connecting: do not leave a connection behind.
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }
}
