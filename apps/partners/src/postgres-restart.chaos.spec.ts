import { randomBytes } from 'node:crypto';
import { localPostgresOf, startLocalPostgres, stopLocalPostgres } from '@leadrail/local-infra';
import { ProjectionsHost } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, getJson, itWhen, testEnvironment } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { partnersService } from './partners.service';

const stackDir = testEnvironment().localStackDir;
const ownsPostgres = stackDir !== undefined && localPostgresOf(stackDir) !== undefined;
const READ_MODELS = ['partner-directory', 'partner-history', 'relay:partners'];

type Reply = { status: number; etag: string | null; body: unknown };

describe('partners service across a PostgreSQL restart', () => {
  let service: ServiceUnderTest;
  /** Names of this run's partners start with it: other files share the topic, never the database. */
  const tag = `Restart ${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    if (ownsPostgres) {
      await startLocalPostgres(stackDir);
    }
    await service?.stop();
  }, 120_000);

  async function call(method: string, path: string, body?: unknown, ifMatch?: string) {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${service.tokens.admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }

  /** Requests that failed because the database was unavailable. */
  let unavailable = 0;

  /** Retries while the database is unavailable (5xx, or no answer); any other reply is final. */
  async function untilAnswered(request: () => Promise<Reply>): Promise<Reply> {
    return expectEventually(
      async () => {
        const reply = await request().catch((error: unknown) => {
          unavailable += 1;
          throw error;
        });
        if (reply.status >= 500) {
          unavailable += 1;
        }
        expect(reply.status).toBeLessThan(500);
        return reply;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  }

  async function register(name: string): Promise<string> {
    const reply = await untilAnswered(() =>
      call('POST', '/partners', {
        name: `${tag} ${name}`,
        currency: 'GBP',
        partnerType: {
          introducer: false,
          partner: true,
          leadValue: { amount: 2500, currency: 'GBP' },
        },
      }),
    );
    expect(reply.status).toBe(201);
    return (reply.body as { id: string }).id;
  }

  /**
   * A change with the partner's current ETag. Retried after a failure, it may
   * meet its own earlier attempt (committed, but the reply was lost): 412.
   */
  async function change(id: string, method: string, path: string, body?: unknown): Promise<void> {
    const current = await untilAnswered(() => call('GET', `/partners/${id}`));
    const reply = await untilAnswered(() =>
      call(method, `/partners/${id}${path}`, body, current.etag!),
    );
    // The whole reply on failure: what was refused, and why.
    expect([200, 412].includes(reply.status) ? 'applied' : reply).toBe('applied');
  }

  /** Every partner of this run: the read models must hold exactly what its stream holds. */
  async function expectReadModelsComplete(ids: readonly string[]): Promise<void> {
    const listed = (await call('GET', `/partners?name=${encodeURIComponent(tag)}`)).body as {
      id: string;
      revision: number;
    }[];
    for (const id of ids) {
      const log = await call('GET', `/partners/${id}`);
      expect(log.status).toBe(200);
      const revision = Number(JSON.parse(log.etag!));
      expect(listed.find((partner) => partner.id === id)).toMatchObject({ revision });
      const history = (await call('GET', `/partners/${id}/history`)).body as { revision: number }[];
      expect(history.map((entry) => entry.revision)).toEqual(
        Array.from({ length: revision + 1 }, (_, index) => index),
      );
    }
  }

  itWhen(
    ownsPostgres,
    'DATABASE_URL names a PostgreSQL server this run does not own',
    'catches up its read models after PostgreSQL restarts under it, without being restarted',
    async () => {
      const ready = `${service.url}/health/ready`;
      await expectEventually(async () => expect((await getJson(ready)).status).toBe(200), {
        timeoutMs: 60_000,
      });
      const host = service.app.get(ProjectionsHost);
      const runners = READ_MODELS.map((name) => host.runner(name));

      const before = await register('Before');
      await change(before, 'PUT', '/delivery-limits', { daily: 1, monthly: 50 });
      await expectEventually(() => expectReadModelsComplete([before]));

      await stopLocalPostgres(stackDir!, 'immediate');
      const outage = await expectEventually(async () => {
        const reply = await getJson(ready);
        expect(reply.status).toBe(503);
        return reply.body;
      });
      expect(outage).toMatchObject({ error: { database: { status: 'down' } } });
      // The read models wait for the database instead of stopping.
      await expectEventually(() =>
        expect(runners.map((runner) => runner.status().state)).toEqual(
          READ_MODELS.map(() => 'retrying'),
        ),
      );
      // Changes asked for during the outage are retried until the database is back.
      const during = (async () => {
        const id = await register('During');
        await change(id, 'POST', '/pause');
        return id;
      })();
      // Down long enough for the read models to back off a few times and the request to fail.
      await expectEventually(() => {
        expect(unavailable).toBeGreaterThan(0);
        for (const runner of runners) {
          expect(runner.status().retries.read).toBeGreaterThanOrEqual(3);
        }
      });
      await startLocalPostgres(stackDir!);
      const duringRestart = await during;

      await change(before, 'POST', '/pause');
      const after = await register('After');
      await change(after, 'PUT', '/delivery-limits', { daily: 2, monthly: 40 });

      await expectEventually(() => expectReadModelsComplete([before, duringRestart, after]), {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
      await expectEventually(async () => expect((await getJson(ready)).status).toBe(200), {
        timeoutMs: 60_000,
      });
      // The same runners, never stopped: the service carried on by itself.
      expect(READ_MODELS.map((name) => host.runner(name))).toEqual(runners);
      for (const runner of runners) {
        expect(runner.failure).toBeUndefined();
        expect(runner.status().retries.read).toBeGreaterThan(0);
      }
      // Its relay too: the change made after the restart reached Kafka.
      await findMessage(Topics.partners, (message) => message.key === after, 30_000);
    },
    240_000,
  );
});
