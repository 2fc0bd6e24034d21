import { Controller, Inject, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { InboundEvents } from './inbound-events';

/** A controller subscribed to exactly the topics the service declares. */
export function inboundEventsController(subscriptions: readonly string[]): Type<unknown> {
  @Controller()
  class InboundEventsController {
    constructor(@Inject(InboundEvents) private readonly inbound: InboundEvents) {}

    /** The payload arrives as raw bytes (parser.keepBinary): contracts decide what it means. */
    @EventPattern([...subscriptions])
    async receive(@Payload() value: Buffer | null, @Ctx() context: KafkaContext): Promise<void> {
      const message = context.getMessage();
      await this.inbound.receive({
        topic: context.getTopic(),
        partition: context.getPartition(),
        offset: message.offset,
        key: message.key === null || message.key === undefined ? null : String(message.key),
        value: Buffer.isBuffer(value) ? value : null,
        headers: stringHeaders(message.headers),
      });
    }
  }
  return InboundEventsController;
}

/** Nest's parser may have turned header values into strings or parsed JSON: back to strings. */
function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? value
        : Buffer.isBuffer(value)
          ? value.toString()
          : JSON.stringify(value),
    ]),
  );
}
