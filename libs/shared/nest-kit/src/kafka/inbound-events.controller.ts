import { Controller, Inject, Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { InboundEvents } from './inbound-events';

/** A controller subscribed to exactly the topics the service declares. */
export function inboundEventsController(subscriptions: readonly string[]): Type<unknown> {
  @Controller()
  class InboundEventsController {
    constructor(@Inject(InboundEvents) private readonly inbound: InboundEvents) {}

    @EventPattern([...subscriptions])
    async receive(@Payload() payload: unknown, @Ctx() context: KafkaContext): Promise<void> {
      const message = context.getMessage();
      await this.inbound.receive({
        source: {
          topic: context.getTopic(),
          partition: context.getPartition(),
          offset: message.offset,
          key: message.key?.toString() ?? null,
        },
        payload,
      });
    }
  }
  return InboundEventsController;
}
