import { type Socket, connect, createServer } from 'node:net';

/**
 * A TCP relay between a client under test and a real server (PostgreSQL), so
 * a test can cut that one client off, as a network failure or a server
 * restart would, while everything else keeps using the server directly.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((client) => this.relay(client));
  private cutOff = false;
  private listeningPort = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  /** Listens on a free loopback port and relays every connection to `target`. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(0, '127.0.0.1', resolve);
    });
    proxy.listeningPort = (proxy.server.address() as { port: number }).port;
    return proxy;
  }

  /** A proxy to the server of a postgres:// URL. */
  static forUrl(url: string): Promise<TcpProxy> {
    const parsed = new URL(url);
    return TcpProxy.start({ host: parsed.hostname, port: Number(parsed.port || 5432) });
  }

  get port(): number {
    return this.listeningPort;
  }

  /** `url` (a postgres:// URL) with its host and port replaced by the proxy's. */
  urlFor(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  /** Drops every open connection, and resets new ones until `restore()`. */
  cut(): void {
    this.cutOff = true;
    for (const socket of this.sockets) {
      socket.destroy();
    }
  }

  restore(): void {
    this.cutOff = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    if (this.cutOff) {
      client.destroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    for (const [socket, peer] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(socket);
      socket.pipe(peer);
      socket.on('error', () => peer.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        peer.destroy();
      });
    }
  }
}
