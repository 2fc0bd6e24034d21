import { randomUUID } from 'node:crypto';
import { InboundEvents, InboundMessage, ServiceDefinition } from '@leadrail/nest-kit';
import { expectEventually, findMessage, payloadOf, publish } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { ServiceUnderTest, startServiceUnderTest } from './service-under-test';

/** A well-formed integration event of a type no LeadRail service handles. */
function bootCheckEvent(): Record<string, unknown> {
  const id = randomUUID();
  return {
    eventId: id,
    type: 'BootCheck',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: id,
    causationId: id,
    source: 'leadrail.tests',
    data: {},
  };
}

/**
 * The first integration scenario every service passes: it boots against the
 * real broker and database, becomes ready, consumes what is published to each
 * topic it subscribes to, and answers its health and metrics endpoints.
 */
export function describeServiceBoot(
  definition: ServiceDefinition,
  /** The service's own variables its boot needs (its `checkEnv`). */
  env: NodeJS.ProcessEnv = {},
): void {
  describe(`${definition.name} service boot`, () => {
    let service: ServiceUnderTest;

    beforeAll(async () => {
      service = await startServiceUnderTest(definition, env);
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
      'consumes what is published to %s: skips a well-formed event it has no handler for, dead-letters a malformed one',
      async (topic) => {
        const received: InboundMessage[] = [];
        const stopListening = service.app.get(InboundEvents).tap((message) => {
          received.push(message);
        });
        try {
          // Same key, same partition: the malformed message is consumed after the well-formed one.
          const key = randomUUID();
          const unhandled = bootCheckEvent();
          const malformed = { id: key, type: 'BootCheck' };
          await publish(topic, [
            { key, value: JSON.stringify(unhandled) },
            { key, value: JSON.stringify(malformed) },
          ]);
          // The service first works through what earlier tests published (from the beginning):
          // late in a full suite that is thousands of events, some retried before they are
          // dead-lettered (a delivery for a partner this new instance has not heard of).
          const consumed = await expectEventually(
            () => {
              const match = received.find((candidate) => payloadOf(candidate).id === key);
              expect(match).toBeDefined();
              return match!;
            },
            { timeoutMs: 240_000 },
          );
          expect(consumed).toMatchObject({ topic, key });
          const deadLettered: unknown[] = [];
          const letter = await findMessage(`${topic}.dlq`, (message) => {
            if (message.key === key) {
              deadLettered.push(payloadOf(message));
            }
            return message.key === key && payloadOf(message).id === key;
          });
          expect(letter.headers).toMatchObject({
            'leadrail-dlq-original-topic': topic,
            'leadrail-dlq-original-partition': String(consumed.partition),
            'leadrail-dlq-original-offset': consumed.offset,
            'leadrail-dlq-consumer-group': service.config.kafka.groupId,
            'leadrail-dlq-reason': 'invalid-envelope',
          });
          // On a public intake topic an unknown type is the publisher's mistake; elsewhere it is skipped.
          expect(deadLettered).toEqual(
            topic === Topics.leadIntake ? [unhandled, malformed] : [malformed],
          );
        } finally {
          stopListening();
        }
      },
      300_000,
    );

    it('exposes Prometheus metrics, including the events it consumed', async () => {
      const response = await fetch(`${service.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toContain(`process_cpu_seconds_total{service="${definition.name}"}`);
      for (const topic of definition.subscriptions) {
        const outcomes =
          topic === Topics.leadIntake ? ['dead-lettered'] : ['ignored', 'dead-lettered'];
        for (const outcome of outcomes) {
          expect(text).toMatch(
            new RegExp(
              `leadrail_inbound_events_total\\{[^}]*topic="${topic.replace(/\./g, '\\.')}"[^}]*outcome="${outcome}"`,
            ),
          );
        }
      }
    });
  });
}
