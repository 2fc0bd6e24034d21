import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query. */
  readonly url: string;
  /** Header names lower-cased, as Node parses them. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** The headers exactly as they came, in order: [name, value, name, value…]. */
  readonly rawHeaders: readonly string[];
  readonly body: string;
}

/** Answers one request; `received` has the whole body already. */
export type Route = (received: ReceivedRequest, res: ServerResponse, req: IncomingMessage) => void;

/** A local HTTP server on 127.0.0.1 that records every request it gets. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly received: ReceivedRequest[];
  /** Connections opened to it, whether or not a request came. */
  readonly connections: () => number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts a server answering by path (`routes['/json']`); unknown paths get 404. */
export async function startRecordingServer(
  routes: Readonly<Record<string, Route>>,
): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: { ...req.headers },
        rawHeaders: [...req.rawHeaders],
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const path = new URL(request.url, 'http://x').pathname;
      const route = routes[path];
      if (route) {
        route(request, res, req);
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such path');
      }
    });
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
