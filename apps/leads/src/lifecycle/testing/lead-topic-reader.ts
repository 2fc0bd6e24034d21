import { plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import type { Consumer } from 'kafkajs';

/** A lead event as published on `leadrail.leads.v1`. */
export interface PublishedLeadEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * Reads `leadrail.leads.v1` from the beginning for a whole test file (one
 * consumer group of its own), keeping every message, so a test asks for a
 * lead's published events without starting a consumer per assertion.
 */
export class LeadTopicReader {
  private readonly byLead = new Map<string, PublishedLeadEvent[]>();

  private constructor(private readonly consumer: Consumer) {}

  static async start(): Promise<LeadTopicReader> {
    const consumer = plainKafka().consumer({
      groupId: `test-lifecycle-reader-${Date.now()}-${Math.random()}`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.leads, fromBeginning: true });
    const reader = new LeadTopicReader(consumer);
    await consumer.run({
      eachMessage: ({ message }) => {
        const key = message.key?.toString();
        if (key === undefined || message.value === null) {
          return Promise.resolve();
        }
        try {
          const event = JSON.parse(message.value.toString()) as PublishedLeadEvent;
          reader.byLead.set(key, [...(reader.byLead.get(key) ?? []), event]);
        } catch {
          // Not JSON: another test's business.
        }
        return Promise.resolve();
      },
    });
    return reader;
  }

  /** The lead's events published so far, in order (one key, one partition). */
  eventsOf(leadId: string): PublishedLeadEvent[] {
    return this.byLead.get(leadId.toLowerCase()) ?? [];
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
