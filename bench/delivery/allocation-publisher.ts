import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Topics } from '@leadrail/topics';
import type { Producer } from 'kafkajs';
import { openModel } from '../event-store/measure';
import type { PreparedLead } from './delivery-setup';
import { integrationEvent } from './integration-event';

/** One allocation published: when it was due (wall clock, ms since the epoch, sub-millisecond). */
export interface Allocation extends PreparedLead {
  eventId: string;
  dueAt: number;
  /** From when due until the broker acknowledged it (acks=all), ms. */
  ackMs: number;
}

export interface AllocationRun {
  rate: number;
  seconds: number;
  allocations: Allocation[];
  errors: number;
  /** Allocations published per second, over the time they were due. */
  achieved: number;
}

/**
 * `LeadAllocated` for each of `leads` on `leadrail.leads.v1`, exactly as the
 * leads service's relay publishes it (keyed by lead), at `rate` per second as
 * an open model: each is published when due, whether or not earlier ones
 * were acknowledged. Its `occurredAt` and `allocatedAt` are the time it was
 * due, the moment the delivery's clock starts.
 */
export async function publishAllocations(
  producer: Producer,
  leads: readonly PreparedLead[],
  rate: number,
): Promise<AllocationRun> {
  const seconds = leads.length / rate;
  const allocations: Allocation[] = [];
  let errors = 0;
  const started = performance.now();
  await openModel(rate, seconds, async (index, due) => {
    const lead = leads[index]!;
    const dueAt = performance.timeOrigin + due;
    const at = new Date(dueAt).toISOString();
    const eventId = randomUUID();
    try {
      await producer.send({
        topic: Topics.leads,
        acks: -1,
        messages: [
          {
            key: lead.leadId,
            value: integrationEvent(
              'leadrail.leads',
              'LeadAllocated',
              { leadId: lead.leadId, partnerId: lead.partnerId, allocatedAt: at },
              { eventId, occurredAt: at },
            ),
          },
        ],
      });
      allocations.push({ ...lead, eventId, dueAt, ackMs: performance.now() - due });
    } catch {
      errors++;
    }
  });
  const dueSeconds = Math.max(seconds, (performance.now() - started) / 1000);
  return { rate, seconds, allocations, errors, achieved: allocations.length / dueSeconds };
}
