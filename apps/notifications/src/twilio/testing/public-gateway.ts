import {
  type IncomingMessage,
  type Server,
  type ServerResponse,
  createServer,
  request,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy standing where Twilio reaches the service: it listens
 * first (so PUBLIC_NOTIFICATIONS_URL is known before the service starts),
 * takes requests under a path prefix and forwards them, prefix removed, to
 * the service once `target` is set, as a load balancer in front of a
 * deployment would. Twilio signs the public URL; the service sees another
 * host and path, which is what its signature check must cope with.
 */
export class PublicGateway {
  target: string | null = null;
  private server: Server | undefined;
  private origin = '';

  private constructor(private readonly prefix: string) {}

  static async start(prefix = '/leadrail'): Promise<PublicGateway> {
    const gateway = new PublicGateway(prefix);
    const server = createServer((incoming, outgoing) => gateway.forward(incoming, outgoing));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    gateway.server = server;
    gateway.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return gateway;
  }

  /** The public base URL: PUBLIC_NOTIFICATIONS_URL. */
  get url(): string {
    return `${this.origin}${this.prefix}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  }

  private forward(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const path = incoming.url ?? '/';
    if (this.target === null || !path.startsWith(`${this.prefix}/`)) {
      outgoing.writeHead(502).end();
      return;
    }
    const target = new URL(path.slice(this.prefix.length), this.target);
    const upstream = request(
      target,
      {
        method: incoming.method,
        headers: {
          ...incoming.headers,
          host: target.host,
          'x-forwarded-host': incoming.headers.host,
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  }
}
