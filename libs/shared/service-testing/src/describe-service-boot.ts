import { randomUUID } from 'node:crypto';
import { InboundEvents, InboundMessage, ServiceDefinition } from '@leadrail/nest-kit';
import { expectEventually, findMessage, payloadOf, publish } from '@leadrail/testing';
import { ServiceUnderTest, startServiceUnderTest } from './service-under-test';

/**
 * The first integration scenario every service passes: it boots against the
 * real broker and database, becomes ready, consumes what is published to each
 * topic it subscribes to, and answers its health and metrics endpoints.
 */
export function describeServiceBoot(definition: ServiceDefinition): void {
  describe(`${definition.name} service boot`, () => {
    let service: ServiceUnderTest;

    beforeAll(async () => {
      service = await startServiceUnderTest(definition);
    });

    afterAll(async () => {
      await service?.stop();
    });

    it('becomes ready once its database and Kafka consumer are up', async () => {
      const body = await expectEventually(async () => {
        const response = await fetch(`${service.url}/health/ready`);
        expect(response.status).toBe(200);
        return (await response.json()) as Record<string, unknown>;
      });
      expect(body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, kafka: { status: 'up' } },
      });
    });

    it('answers its liveness check', async () => {
      const response = await fetch(`${service.url}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it.each(definition.subscriptions)(
      'consumes what is published to %s, and dead-letters a message no contract accepts',
      async (topic) => {
        const received: InboundMessage[] = [];
        const stopListening = service.app.get(InboundEvents).tap((message) => {
          received.push(message);
        });
        try {
          const id = randomUUID();
          await publish(topic, [{ key: id, value: JSON.stringify({ id, type: 'BootCheck' }) }]);
          const consumed = await expectEventually(() => {
            const match = received.find((candidate) => payloadOf(candidate).id === id);
            expect(match).toBeDefined();
            return match!;
          });
          expect(consumed).toMatchObject({ topic, key: id });
          const letter = await findMessage(`${topic}.dlq`, (message) => message.key === id);
          expect(letter.headers).toMatchObject({
            'leadrail-dlq-original-topic': topic,
            'leadrail-dlq-original-partition': String(consumed.partition),
            'leadrail-dlq-original-offset': consumed.offset,
            'leadrail-dlq-consumer-group': service.config.kafka.groupId,
          });
          expect(letter.headers['leadrail-dlq-reason']).toMatch(
            /^(invalid-envelope|unknown-event-type)$/,
          );
          expect(payloadOf(letter)).toEqual({ id, type: 'BootCheck' });
        } finally {
          stopListening();
        }
      },
    );

    it('exposes Prometheus metrics, including the events it consumed', async () => {
      const response = await fetch(`${service.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toContain(`process_cpu_seconds_total{service="${definition.name}"}`);
      for (const topic of definition.subscriptions) {
        expect(text).toMatch(
          new RegExp(
            `leadrail_inbound_events_total\\{[^}]*topic="${topic.replace(/\./g, '\\.')}"[^}]*outcome="dead-lettered"`,
          ),
        );
      }
    });
  });
}
