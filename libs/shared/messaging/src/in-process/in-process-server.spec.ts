import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { InProcessBus } from './in-process-bus';
import { InProcessServer } from './in-process-server';

const seen: { topic: string; key: string | null; offset: string; value: string }[] = [];

@Controller()
class OrdersController {
  @EventPattern('orders.v1')
  receive(@Payload() value: Buffer, @Ctx() context: KafkaContext): void {
    const message = context.getMessage();
    seen.push({
      topic: context.getTopic(),
      key: message.key?.toString() ?? null,
      offset: message.offset,
      value: value.toString(),
    });
  }
}

@Module({ controllers: [OrdersController] })
class OrdersModule {}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe(InProcessServer.name, () => {
  afterEach(() => {
    seen.length = 0;
  });

  it('delivers published messages to Nest event handlers with a Kafka-like context, in order', async () => {
    const bus = new InProcessBus();
    await bus.publish([{ topic: 'orders.v1', key: 'o-1', value: '{"n":1}' }]);
    const app = await NestFactory.createMicroservice(OrdersModule, {
      strategy: new InProcessServer(bus, 'group-a'),
      logger: false,
    });
    await app.listen();
    await bus.publish([
      { topic: 'orders.v1', key: 'o-1', value: '{"n":2}' },
      { topic: 'orders.v1', key: 'o-2', value: '{"n":3}' },
    ]);
    await waitFor(() => seen.length === 3);
    await app.close();
    expect(seen).toEqual([
      { topic: 'orders.v1', key: 'o-1', offset: '0', value: '{"n":1}' },
      { topic: 'orders.v1', key: 'o-1', offset: '1', value: '{"n":2}' },
      { topic: 'orders.v1', key: 'o-2', offset: '2', value: '{"n":3}' },
    ]);
  });
});

describe(InProcessBus.name, () => {
  it('gives each group every message from the beginning and redelivers a message whose handler threw', async () => {
    const bus = new InProcessBus(1);
    const a: string[] = [];
    const b: string[] = [];
    let failures = 1;
    await bus.publish([{ topic: 't', key: 'k', value: 'first' }]);
    const stopA = bus.subscribe('t', 'a', (message) => {
      a.push(message.value!.toString());
      return Promise.resolve();
    });
    const stopB = bus.subscribe('t', 'b', (message) => {
      if (failures-- > 0) {
        return Promise.reject(new Error('transient'));
      }
      b.push(message.value!.toString());
      return Promise.resolve();
    });
    await bus.publish([{ topic: 't', key: 'k', value: 'second' }]);
    await waitFor(() => a.length === 2 && b.length === 2);
    await stopA();
    await stopB();
    expect(a).toEqual(['first', 'second']);
    expect(b).toEqual(['first', 'second']);
  });
});
