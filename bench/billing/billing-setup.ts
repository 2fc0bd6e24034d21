import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { leadDeliveredV1 } from '@leadrail/leads-contracts';
import { waitUntil } from '@leadrail/local-infra';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import { leadRoutedV1 } from '@leadrail/routing-contracts';
import { Topics } from '@leadrail/topics';
import type { Message, Producer } from 'kafkajs';
import { integrationEvent } from '../delivery/integration-event';
import type { BillingLog } from './billing-log';

const gbp = (amount: number) => ({ amount, currency: 'GBP' });
/** Every lead's Lead Value: GBP 35.00. */
export const LEAD_VALUE = gbp(3500);
/** GBP 10,000,000 of credit: no charge of a run comes near it, so no low-funds alert is raised. */
const CREDIT_LIMIT = gbp(1_000_000_000);
const THRESHOLD = gbp(1000);

/**
 * `count` partners announced on `leadrail.partners.v1` as the partners
 * relay publishes `PartnerRegistered` (the contract example's settings):
 * post-pay with a credit limit of GBP 10,000,000, billed at delivery, a
 * low-funds threshold of GBP 10. Waits until billing's view of partners
 * holds them all; returns their ids.
 */
export async function announcePartners(
  producer: Producer,
  log: BillingLog,
  count: number,
): Promise<string[]> {
  const example = brokerRegisteredWithFullSettings.payload.data;
  const partnerIds = Array.from({ length: count }, () => randomUUID());
  await producer.send({
    topic: Topics.partners,
    acks: -1,
    messages: partnerIds.map((partnerId, index) => ({
      key: partnerId,
      value: integrationEvent('leadrail.partners', 'PartnerRegistered', {
        ...example,
        partnerId,
        name: `Bench Partner ${index + 1}`,
        settings: {
          ...example.settings,
          payment: { mode: 'post-pay', creditLimit: CREDIT_LIMIT },
          billingPoint: 'delivery',
          lowFundsThreshold: THRESHOLD,
        },
      }),
    })),
  });
  await waitUntil(async () => (await log.partnersKnown(partnerIds)) === count, {
    what: `billing to know the ${count} partners`,
    timeoutMs: 180_000,
    intervalMs: 250,
  });
  return partnerIds;
}

/** One lead sold: its partner, and when its `LeadDelivered` was published (wall clock, ms). */
export interface PublishedSale {
  leadId: string;
  partnerId: string;
  routedEventId: string;
  deliveredEventId: string;
  /** When the send carrying its LeadDelivered began. */
  deliveredAt: number;
  /** When the broker acknowledged that send (acks=all). */
  ackedAt: number;
}

/** A lead's two events as their relays publish them, keyed by the lead. */
export function saleMessages(
  leadId: string,
  partnerId: string,
): { routed: Message; delivered: Message; routedEventId: string; deliveredEventId: string } {
  const routed = leadRoutedV1.examples[0]!.payload.data;
  const delivered = leadDeliveredV1.examples[0]!.payload.data;
  const routedEventId = randomUUID();
  const deliveredEventId = randomUUID();
  return {
    routedEventId,
    deliveredEventId,
    routed: {
      key: leadId,
      value: integrationEvent(
        'leadrail.routing',
        'LeadRouted',
        { ...routed, leadId, partnerId, leadValue: LEAD_VALUE },
        { eventId: routedEventId },
      ),
    },
    delivered: {
      key: leadId,
      value: integrationEvent(
        'leadrail.leads',
        'LeadDelivered',
        {
          ...delivered,
          leadId,
          partnerId,
          deliveredAt: new Date().toISOString(),
          partnerReference: null,
        },
        { eventId: deliveredEventId },
      ),
    },
  };
}

/**
 * Publishes `count` sales as fast as the broker takes them: for each lead
 * its `LeadRouted` on `leadrail.routing.v1` (GBP 35.00, to the partners in
 * turn) and its `LeadDelivered` on `leadrail.leads.v1`, `chunk` leads per
 * send (one `sendBatch`, acks=all, both topics), one send after another.
 */
export async function publishSales(
  producer: Producer,
  partnerIds: readonly string[],
  count: number,
  chunk: number,
): Promise<PublishedSale[]> {
  const sales: PublishedSale[] = [];
  for (let from = 0; from < count; from += chunk) {
    const leads = Array.from({ length: Math.min(chunk, count - from) }, (_, index) => ({
      leadId: randomUUID(),
      partnerId: partnerIds[(from + index) % partnerIds.length]!,
    }));
    const messages = leads.map((lead) => saleMessages(lead.leadId, lead.partnerId));
    const sentAt = performance.timeOrigin + performance.now();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [
        { topic: Topics.routing, messages: messages.map((m) => m.routed) },
        { topic: Topics.leads, messages: messages.map((m) => m.delivered) },
      ],
    });
    const ackedAt = performance.timeOrigin + performance.now();
    sales.push(
      ...leads.map((lead, index) => ({
        ...lead,
        routedEventId: messages[index]!.routedEventId,
        deliveredEventId: messages[index]!.deliveredEventId,
        deliveredAt: sentAt,
        ackedAt,
      })),
    );
  }
  return sales;
}
