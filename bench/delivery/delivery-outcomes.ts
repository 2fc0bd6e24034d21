import { performance } from 'node:perf_hooks';
import { Topics } from '@leadrail/topics';
import type { Consumer, Kafka } from 'kafkajs';

/** A delivery's final outcome as another service received it. */
export interface Outcome {
  type: 'DeliverySucceeded' | 'DeliveryRejected' | 'DeliveryFailed';
  /** Wall clock, ms since the epoch, sub-millisecond. */
  receivedAt: number;
}

const FINAL = new Set(['DeliverySucceeded', 'DeliveryRejected', 'DeliveryFailed']);

/**
 * Listens to `leadrail.delivery.v1` as a downstream service would (billing,
 * leads: a consumer group of its own, from the end): each lead's final
 * outcome and when it arrived, published by delivery's relay.
 */
export class DeliveryOutcomes {
  private readonly outcomes = new Map<string, Outcome>();

  private constructor(private readonly consumer: Consumer) {}

  static async listen(kafka: Kafka, groupId: string): Promise<DeliveryOutcomes> {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const listener = new DeliveryOutcomes(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.delivery, fromBeginning: false });
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const receivedAt = performance.timeOrigin + performance.now();
        const event = JSON.parse(message.value?.toString() ?? '{}') as {
          type?: string;
          data?: { leadId?: string };
        };
        const leadId = event.data?.leadId;
        if (leadId !== undefined && FINAL.has(event.type ?? '') && !listener.outcomes.has(leadId)) {
          listener.outcomes.set(leadId, { type: event.type as Outcome['type'], receivedAt });
        }
        return Promise.resolve();
      },
    });
    await joined;
    return listener;
  }

  /** The lead's outcome, if it has arrived. */
  of(leadId: string): Outcome | undefined {
    return this.outcomes.get(leadId);
  }

  close(): Promise<void> {
    return this.consumer.disconnect();
  }
}
