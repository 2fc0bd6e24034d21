import { randomUUID } from 'node:crypto';
import { ClientKafka } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { InboundEvents, type InboundMessage } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, testEnvironment, payloadOf } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { leadsService } from './leads.service';

/**
 * Proves the broker this project runs speaks the protocol of the client Nest
 * uses (kafkajs): an internal Nest service publishes with ClientKafka, and the
 * leads service consumes with Nest's Kafka server.
 */
describe('leads service fed through @nestjs/microservices', () => {
  let service: ServiceUnderTest;
  let publisher: ClientKafka;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    publisher = new ClientKafka({
      client: {
        clientId: 'internal-publisher',
        brokers: testEnvironment().kafkaBrokers.split(','),
      },
      producer: { idempotent: true, createPartitioner: Partitioners.DefaultPartitioner },
      producerOnlyMode: true,
    });
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher?.close();
    await service?.stop();
  });

  it('consumes, in order, the events a ClientKafka producer emits for one key', async () => {
    const received: InboundMessage[] = [];
    const stopListening = service.app.get(InboundEvents).tap((message) => {
      received.push(message);
    });
    const leadId = randomUUID();
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      await new Promise<void>((resolve, reject) =>
        publisher
          .emit(Topics.leadIntake, { key: leadId, value: { id, type: 'LeadReceived', leadId } })
          .subscribe({ complete: resolve, error: reject }),
      );
    }
    const mine = await expectEventually(() => {
      const matching = received.filter((event) => event.key === leadId);
      expect(matching).toHaveLength(3);
      return matching;
    });
    stopListening();
    expect(mine.map((event) => payloadOf(event).id)).toEqual(ids);
    expect(new Set(mine.map((event) => event.partition)).size).toBe(1);
  });
});
