import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A delivery's first request as it reached the partner. */
export interface Arrival {
  attempt: number;
  /** When its request line and headers had arrived (wall clock, ms since the epoch, sub-millisecond). */
  arrivedAt: number;
}

/**
 * A partner's lead API on a local HTTP server (node:http): every request is
 * answered `200 {"id": …}` `answerAfterMs` after it arrived (and not before
 * its body was read). Records, per `X-LeadRail-Delivery-Id`, when its first
 * request arrived, and how many requests were in flight at once (arrived,
 * not yet answered). Runs in the benchmark's process, on the same clock as
 * the allocations' publisher.
 */
export class PartnerEndpoint {
  /** Every request received so far. */
  requests = 0;
  private readonly arrivals = new Map<string, Arrival>();
  private inFlight = 0;
  private maxInFlight = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(answerAfterMs: number): Promise<PartnerEndpoint> {
    const server = createServer({ keepAliveTimeout: 30_000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 511, resolve));
    const endpoint = new PartnerEndpoint(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/leads`,
    );
    server.on('request', (request, response) => {
      const arrivedAt = performance.timeOrigin + performance.now();
      const deliveryId = String(request.headers['x-leadrail-delivery-id'] ?? '');
      endpoint.arrived(deliveryId, Number(request.headers['x-leadrail-attempt'] ?? 0), arrivedAt);
      let answerDue = false;
      let bodyRead = false;
      const answer = () => {
        if (answerDue && bodyRead) {
          endpoint.inFlight--;
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ id: `P-${endpoint.requests}` }));
        }
      };
      setTimeout(
        () => {
          answerDue = true;
          answer();
        },
        arrivedAt + answerAfterMs - (performance.timeOrigin + performance.now()),
      );
      request.on('end', () => {
        bodyRead = true;
        answer();
      });
      request.resume();
    });
    return endpoint;
  }

  /** When the delivery's first request arrived, if it has. */
  arrivalOf(deliveryId: string): Arrival | undefined {
    return this.arrivals.get(deliveryId);
  }

  /** The most requests in flight at once since the last call. */
  takeMaxInFlight(): number {
    const max = this.maxInFlight;
    this.maxInFlight = this.inFlight;
    return max;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private arrived(deliveryId: string, attempt: number, arrivedAt: number): void {
    this.requests++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    if (!this.arrivals.has(deliveryId)) {
      this.arrivals.set(deliveryId, { attempt, arrivedAt });
    }
  }
}
