import { randomBytes, randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@leadrail/event-store';
import type { Projection } from '@leadrail/projections';
import {
  type TestDatabase,
  createTestDatabase,
  expectEventually,
  getJson,
  testEnvironment,
} from '@leadrail/testing';
import { loadServiceConfig } from '../config/service-config';
import { type StartedService, startService } from '../service/start-service';
import { EVENT_STORE } from './event-store.provider';
import { ProjectionsHost } from './projections-host';

@Module({})
class NothingModule {}

/** A read model whose code cannot apply one kind of event. */
const poisoned: Projection = {
  name: 'poisoned',
  filter: { streamNamePrefixes: ['gadget-'] },
  apply: (event: RecordedEvent) =>
    event.type === 'GadgetExploded'
      ? Promise.reject(new TypeError('no read model column for an exploded gadget'))
      : Promise.resolve(),
  reset: () => Promise.resolve(),
};

const healthy: Projection = {
  name: 'healthy',
  filter: { streamNamePrefixes: ['gadget-'] },
  apply: () => Promise.resolve(),
  reset: () => Promise.resolve(),
};

/** A projection that stops is visible to the orchestrator (readiness) and to Prometheus. */
describe(ProjectionsHost.name, () => {
  let database: TestDatabase;
  let service: StartedService;

  beforeAll(async () => {
    database = await createTestDatabase('projections-host');
    const name = 'gadgets';
    const config = loadServiceConfig(name, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().kafkaBrokers,
      KAFKA_GROUP_ID: `test-${name}-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    service = await startService(
      {
        name,
        module: NothingModule,
        subscriptions: ['leadrail.test-gadgets.v1'],
        projections: [poisoned, healthy],
      },
      config,
    );
  });

  afterAll(async () => {
    await service?.app.close();
    await database?.drop();
  });

  it('turns readiness to 503 naming the stopped projection and its event, and reports it as down', async () => {
    const ready = `${service.url}/health/ready`;
    await expectEventually(async () => expect((await getJson(ready)).status).toBe(200), {
      timeoutMs: 60_000,
    });
    const store = service.app.get<EventStore>(EVENT_STORE);
    const stream = `gadget-${randomUUID()}`;
    await store.appendToStream(stream, [
      { id: randomUUID(), type: 'GadgetMade', data: {}, metadata: metadata() },
      { id: randomUUID(), type: 'GadgetExploded', data: {}, metadata: metadata() },
    ]);
    const [, exploded] = await store.readStream(stream);

    const notReady = await expectEventually(async () => {
      const response = await getJson(ready);
      expect(response.status).toBe(503);
      return response.body;
    });
    expect(notReady).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' }, kafka: { status: 'up' } },
      error: {
        projections: {
          status: 'down',
          message: 'stopped: poisoned',
          stopped: [
            {
              projection: 'poisoned',
              event: {
                stream,
                revision: '1',
                type: 'GadgetExploded',
                position: exploded!.position.toString(),
              },
            },
          ],
        },
      },
    });
    const [stopped] = (notReady.error as { projections: { stopped: { reason: string }[] } })
      .projections.stopped;
    expect(stopped!.reason).toContain(
      `stopped at ${stream}@1 (GadgetExploded, position ${exploded!.position}) after 3 attempts: no read model column for an exploded gadget`,
    );
    expect((await getJson(`${service.url}/health/live`)).status).toBe(200);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(/^leadrail_projection_up\{[^}]*projection="poisoned"[^}]*\} 0$/m);
    expect(metrics).toMatch(/^leadrail_projection_up\{[^}]*projection="healthy"[^}]*\} 1$/m);
    expect(metrics).toMatch(
      new RegExp(
        `^leadrail_projection_position\\{[^}]*projection="healthy"[^}]*\\} ${exploded!.position}$`,
        'm',
      ),
    );
    expect(metrics).toMatch(
      /^leadrail_projection_retries_total\{[^}]*projection="poisoned"[^}]*stage="apply"[^}]*\} 2$/m,
    );
  });
});

function metadata() {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    actor: { type: 'system' as const, id: 'test' },
  };
}
