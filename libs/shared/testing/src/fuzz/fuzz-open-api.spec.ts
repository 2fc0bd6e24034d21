import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fuzzOpenApi } from './fuzz-open-api';
import type { OpenApiDocument } from './open-api';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local server that records every request and answers 204, or 500 for `/broken`. */
async function recordingServer(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = request.url === '/broken' ? 500 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, server };
}

const document: OpenApiDocument = {
  paths: {
    '/intake': { post: { security: [{ 'introducer-api-key': [] }] } },
    '/settings': { get: { security: [{ bearer: [] }] } },
  },
  components: {
    securitySchemes: {
      'introducer-api-key': { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      bearer: { type: 'http' },
    },
  },
};

describe(fuzzOpenApi.name, () => {
  let target: Awaited<ReturnType<typeof recordingServer>>;

  beforeEach(async () => {
    target = await recordingServer();
  });

  afterEach(async () => {
    await new Promise((resolve) => target.server.close(resolve));
  });

  it("sends an apiKey scheme's key in the header it names, an http scheme's in Authorization", async () => {
    await fuzzOpenApi({
      baseUrl: target.url,
      document,
      credentials: { 'introducer-api-key': 'lrk_key', bearer: 'Bearer operator' },
      runsPerOperation: 30,
    });

    const intake = target.received.filter((request) => request.url === '/intake');
    const settings = target.received.filter((request) => request.url === '/settings');
    expect(intake.some((request) => request.headers['x-api-key'] === 'lrk_key')).toBe(true);
    expect(intake.every((request) => request.headers.authorization === undefined)).toBe(true);
    expect(settings.some((request) => request.headers.authorization === 'Bearer operator')).toBe(
      true,
    );
    expect(settings.every((request) => request.headers['x-api-key'] === undefined)).toBe(true);
  });

  it('sends the seeds, as they are and mutated, to an operation that documents no body schema', async () => {
    const seed = { leadType: 'mortgage', contact: { email: 'a@example.com' } };

    await fuzzOpenApi({
      baseUrl: target.url,
      document,
      credentials: {},
      seedBodies: { 'POST /intake': [seed] },
      runsPerOperation: 40,
    });

    const bodies = target.received
      .filter((request) => request.url === '/intake')
      .map((request) => request.body);
    expect(bodies).toContain(JSON.stringify(seed));
    expect(bodies.some((body) => body !== '' && body !== JSON.stringify(seed))).toBe(true);
  });

  it('sends some requests without the optional query parameters, as most clients do', async () => {
    const search: OpenApiDocument = {
      paths: {
        '/leads': {
          get: {
            parameters: [
              { name: 'status', in: 'query', schema: { type: 'string' } },
              { name: 'limit', in: 'query', schema: { type: 'integer' } },
            ],
          },
        },
      },
    };

    await fuzzOpenApi({
      baseUrl: target.url,
      document: search,
      credentials: {},
      runsPerOperation: 40,
    });

    const urls = target.received.map((request) => request.url);
    expect(urls).toContain('/leads');
    expect(urls.some((url) => url.startsWith('/leads?'))).toBe(true);
  });

  it('reports every 5xx with the request that caused it', async () => {
    const { failures, statuses } = await fuzzOpenApi({
      baseUrl: target.url,
      document: { paths: { '/broken': { get: {} }, '/settings': { get: {} } } },
      credentials: {},
      runsPerOperation: 3,
    });

    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatchObject({ operation: 'GET /broken', status: 500 });
    expect(statuses['GET /settings']).toEqual({ 204: 3 });
  });
});
