import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { Topics } from '@leadrail/topics';
import { type Kafka, type Producer, Partitioners } from 'kafkajs';
import { openModel } from '../event-store/measure';

/** One lead published: when it was due (wall clock, ms since the epoch, sub-millisecond). */
export interface PublishedLead {
  leadId: string;
  eventId: string;
  dueAt: number;
  /** From when due until the broker acknowledged it (acks=all), ms. */
  ackMs: number;
}

export interface PublishRun {
  rate: number;
  seconds: number;
  leads: PublishedLead[];
  errors: number;
  /** Leads published per second, over the time they were due. */
  achieved: number;
}

/**
 * Publishes `LeadRecorded` events on `leadrail.leads.v1` exactly as the
 * leads service's relay does (the contract's example lead, keyed by lead
 * id, its own lead and event ids), as an open model: each lead is published
 * when due, whether or not earlier ones were acknowledged. Its `occurredAt`
 * and `recordedAt` are the time it was due: the moment the lead counts as
 * recorded.
 */
export class LeadPublisher {
  private constructor(private readonly producer: Producer) {}

  static async connect(kafka: Kafka): Promise<LeadPublisher> {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    return new LeadPublisher(producer);
  }

  async publish(leadType: string, rate: number, seconds: number): Promise<PublishRun> {
    const leads: PublishedLead[] = [];
    let errors = 0;
    const started = performance.now();
    await openModel(rate, seconds, async (_, due) => {
      const dueAt = performance.timeOrigin + due;
      const leadId = randomUUID();
      const eventId = randomUUID();
      try {
        await this.producer.send({
          topic: Topics.leads,
          acks: -1,
          messages: [{ key: leadId, value: leadRecorded(leadId, eventId, leadType, dueAt) }],
        });
        leads.push({ leadId, eventId, dueAt, ackMs: performance.now() - due });
      } catch {
        errors++;
      }
    });
    const dueSeconds = Math.max(seconds, (performance.now() - started) / 1000);
    return { rate, seconds, leads, errors, achieved: leads.length / dueSeconds };
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}

function leadRecorded(leadId: string, eventId: string, leadType: string, at: number): string {
  const example = mortgageLeadRecorded.payload;
  const recordedAt = new Date(at).toISOString();
  return JSON.stringify({
    ...example,
    eventId,
    correlationId: eventId,
    causationId: eventId,
    occurredAt: recordedAt,
    data: { ...example.data, leadId, leadType, recordedAt },
  });
}
