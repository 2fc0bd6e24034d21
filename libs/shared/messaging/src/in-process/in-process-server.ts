import { type CustomTransportStrategy, KafkaContext, Server } from '@nestjs/microservices';
import type { InboundMessage } from '../consumer/inbound-message';
import type { InProcessBus } from './in-process-bus';

/**
 * A Nest transport over the in-process bus. Handlers see the same payload
 * (raw bytes) and the same KafkaContext as over Kafka, so a service's
 * controllers run unchanged in the embedded mode.
 */
export class InProcessServer extends Server implements CustomTransportStrategy {
  private readonly stops: (() => Promise<void>)[] = [];

  constructor(
    private readonly bus: InProcessBus,
    private readonly groupId: string,
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    for (const [pattern] of this.getHandlers()) {
      const topic = this.normalizePattern(pattern);
      this.stops.push(
        this.bus.subscribe(topic, this.groupId, (message) => this.dispatch(topic, message)),
      );
    }
    callback();
  }

  async close(): Promise<void> {
    await Promise.all(this.stops.splice(0).map((stop) => stop()));
  }

  on(): void {
    throw new Error('InProcessServer has no events to listen to');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  private async dispatch(topic: string, message: InboundMessage): Promise<void> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) {
      return;
    }
    const kafkaMessage = {
      key: message.key === null ? null : Buffer.from(message.key),
      value: message.value,
      offset: message.offset,
      headers: message.headers,
      timestamp: String(Date.now()),
      attributes: 0,
    };
    const context = new KafkaContext([
      kafkaMessage,
      message.partition,
      topic,
      undefined as never,
      undefined as never,
      undefined as never,
    ]);
    const result: unknown = await handler(message.value, context);
    // Nest handlers may return an Observable; wait for it like Nest's own servers do.
    if (result && typeof (result as { subscribe?: unknown }).subscribe === 'function') {
      await new Promise<void>((resolve, reject) =>
        (result as { subscribe: (o: object) => void }).subscribe({
          complete: resolve,
          error: reject,
        }),
      );
    }
  }
}
