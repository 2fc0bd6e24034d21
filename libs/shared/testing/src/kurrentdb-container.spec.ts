import { createServer, type Server } from 'node:net';
import { containerRuntimeUnreachable, kurrentDbForTests } from './kurrentdb-container';

describe('kurrentDbForTests', () => {
  // Accepts connections and never answers: a Docker engine that hangs.
  let silent: Server;
  let silentDockerHost: string;
  beforeAll(async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentDockerHost = `tcp://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => silent.close(resolve));
  });

  it('uses EVENTSTORE_URL when it is set, without looking for Docker', async () => {
    const url = 'kurrentdb://example:2113?tls=false';
    const started = Date.now();
    const kurrentDb = kurrentDbForTests({ EVENTSTORE_URL: url });
    expect(Date.now() - started).toBeLessThan(100);
    expect(kurrentDb.unavailable).toBeUndefined();
    await kurrentDb.start();
    expect(kurrentDb.connectionString()).toBe(url);
    await kurrentDb.stop();
  });

  it('names why it has no server, within its timeout, when the Docker engine hangs', () => {
    const started = Date.now();
    const kurrentDb = kurrentDbForTests({ ...process.env, DOCKER_HOST: silentDockerHost }, 500);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(kurrentDb.unavailable).toBe(
      'EVENTSTORE_URL is not set and no Docker engine is reachable (none answered within 500 ms)',
    );
    expect(() => kurrentDb.connectionString()).toThrow();
  });

  it('decides quickly whatever this machine has', () => {
    const started = Date.now();
    containerRuntimeUnreachable(process.env, 2_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
