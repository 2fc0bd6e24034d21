import { randomUUID } from 'node:crypto';
import { InboundEvents, InboundMessage } from '@leadrail/nest-kit';
import { killLocalKafka, restartLocalKafka } from '@leadrail/local-infra';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import {
  expectEventually,
  getJson,
  itWhen,
  publish,
  testEnvironment,
  payloadOf,
} from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { partnersService } from './partners.service';

const stackDir = testEnvironment().localStackDir;

describe('partners service during a Kafka outage', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    if (stackDir) {
      await restartLocalKafka(stackDir);
    }
    await service?.stop();
  }, 120_000);

  itWhen(
    stackDir !== undefined,
    'KAFKA_BROKERS names a broker this run does not own',
    'is not ready while the broker is down, and ready and consuming again once it is back, without a restart',
    async () => {
      const readyUrl = `${service.url}/health/ready`;
      await expectEventually(async () => expect((await getJson(readyUrl)).status).toBe(200));

      killLocalKafka(stackDir!);
      const outage = await expectEventually(async () => {
        const ready = await getJson(readyUrl);
        expect(ready.status).toBe(503);
        return ready.body;
      });
      expect(outage).toMatchObject({ status: 'error', error: { kafka: { status: 'down' } } });
      expect(outage).toMatchObject({ info: { database: { status: 'up' } } });
      expect((await getJson(`${service.url}/health/live`)).status).toBe(200);

      await restartLocalKafka(stackDir!);
      await expectEventually(async () => expect((await getJson(readyUrl)).status).toBe(200), {
        timeoutMs: 120_000,
        intervalMs: 500,
      });

      const received: InboundMessage[] = [];
      const stopListening = service.app.get(InboundEvents).tap((message) => {
        received.push(message);
      });
      const id = randomUUID();
      await publish(Topics.billing, [
        { key: id, value: JSON.stringify({ id, type: 'AfterOutage' }) },
      ]);
      await expectEventually(() =>
        expect(received.some((event) => payloadOf(event).id === id)).toBe(true),
      );
      stopListening();
    },
    240_000,
  );
});
