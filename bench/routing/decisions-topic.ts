import { performance } from 'node:perf_hooks';
import { Topics } from '@leadrail/topics';
import type { Consumer, Kafka } from 'kafkajs';

/**
 * Listens to `leadrail.routing.v1` as a downstream service would (a consumer
 * group of its own, from the end): when each lead's `LeadRouted` or
 * `LeadUnroutable` arrived (wall clock, ms), published by routing's relay.
 */
export class DecisionsTopic {
  private readonly seen = new Map<string, number>();

  private constructor(private readonly consumer: Consumer) {}

  static async listen(kafka: Kafka, groupId: string): Promise<DecisionsTopic> {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const topic = new DecisionsTopic(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.routing, fromBeginning: false });
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const at = performance.timeOrigin + performance.now();
        const event = JSON.parse(message.value?.toString() ?? '{}') as {
          type?: string;
          data?: { leadId?: string };
        };
        const leadId = event.data?.leadId;
        if ((event.type === 'LeadRouted' || event.type === 'LeadUnroutable') && leadId) {
          topic.seen.set(leadId, at);
        }
        return Promise.resolve();
      },
    });
    await joined;
    return topic;
  }

  /** When the lead's decision arrived, if it has. */
  arrivedAt(leadId: string): number | undefined {
    return this.seen.get(leadId);
  }

  close(): Promise<void> {
    return this.consumer.disconnect();
  }
}
