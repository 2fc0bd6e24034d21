import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the partner's API received. */
export interface ReceivedRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the partner's API answers the nth request (the last answer repeats). */
export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A partner's lead API on a real local HTTP server: answers as scripted, records every request. */
export class PartnerEndpoint {
  readonly received: ReceivedRequest[] = [];
  private server!: Server;
  url = '';

  static async start(answers: ScriptedAnswer[]): Promise<PartnerEndpoint> {
    const endpoint = new PartnerEndpoint();
    endpoint.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        endpoint.received.push({
          method: request.method ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const answer = answers[Math.min(endpoint.received.length, answers.length) - 1]!;
        response.writeHead(answer.status, {
          'content-type': 'application/json',
          ...answer.headers,
        });
        response.end(answer.body ?? '{}');
      });
    });
    await new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve));
    endpoint.url = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}/leads`;
    return endpoint;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
