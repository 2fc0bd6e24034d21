import { randomUUID } from 'node:crypto';
import { deliveryIdOf } from '@leadrail/delivery-domain';
import { mortgageLeadRecorded } from '@leadrail/leads-contracts';
import { waitUntil } from '@leadrail/local-infra';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import { Topics } from '@leadrail/topics';
import type { Message, Producer } from 'kafkajs';
import type { DeliveryDatabase } from './delivery-database';
import { integrationEvent } from './integration-event';
import type { LeadsKeys } from './leads-keys';

const ALL_DAY = { enabled: true, from: '00:00', to: '00:00' };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** The partner's JSON template: the contact (opened for the request), the value, the delivery id. */
const BODY_TEMPLATE =
  '{"name": {{lead.full_name}}, "email": {{lead.email}}, "phone": {{lead.phone}}, "ref": {{delivery.id}}, "value": {{lead.value.amount}}}';
const CONTACT = {
  firstName: 'Priya',
  lastName: 'Shah',
  email: 'priya.shah@example.com',
  phone: '+447700900123',
};
const CHUNK = 500;

/** A lead delivery knows (recorded, routed to its partner), waiting for its allocation. */
export interface PreparedLead {
  leadId: string;
  partnerId: string;
  deliveryId: string;
}

/**
 * `count` partners taking leads by JSON at `url` only (no email), open
 * around the clock, announced on `leadrail.partners.v1` as the partners
 * service's relay publishes `PartnerRegistered`; waits until delivery's view
 * of partners holds them all.
 */
export async function announcePartners(
  producer: Producer,
  db: DeliveryDatabase,
  count: number,
  url: string,
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
          schedule: {
            timeZone: 'Europe/London',
            days: Object.fromEntries(DAYS.map((day) => [day, ALL_DAY])),
          },
          delivery: {
            email: false,
            internet: {
              method: 'json',
              url,
              bodyTemplate: BODY_TEMPLATE,
              headers: { Authorization: 'Bearer partner-secret-token-123456' },
            },
          },
        },
      }),
    })),
  });
  await waitUntil(async () => (await db.partnersKnown(partnerIds)) === count, {
    what: `delivery to know the ${count} partners`,
    timeoutMs: 180_000,
    intervalMs: 250,
  });
  return partnerIds;
}

/**
 * `count` leads ahead of their allocation, each as the leads and routing
 * relays publish them: `LeadRecorded` (the contact sealed under a key of its
 * own on the benchmark's key server) on `leadrail.leads.v1` and `LeadRouted`
 * (GBP 35.00 for its partner, the partners in turn) on `leadrail.routing.v1`,
 * keyed by lead. Waits until delivery's views hold every one of them.
 */
export async function prepareLeads(
  producer: Producer,
  db: DeliveryDatabase,
  keys: LeadsKeys,
  partnerIds: readonly string[],
  count: number,
): Promise<PreparedLead[]> {
  const example = mortgageLeadRecorded.payload.data;
  const leads = Array.from({ length: count }, (_, index): PreparedLead => {
    const leadId = randomUUID();
    const partnerId = partnerIds[index % partnerIds.length]!;
    return { leadId, partnerId, deliveryId: deliveryIdOf(leadId, partnerId) };
  });
  const recorded: Message[] = leads.map(({ leadId }) => ({
    key: leadId,
    value: integrationEvent('leadrail.leads', 'LeadRecorded', {
      ...example,
      leadId,
      personal: keys.seal(leadId, CONTACT),
    }),
  }));
  const routed: Message[] = leads.map(({ leadId, partnerId }) => ({
    key: leadId,
    value: integrationEvent('leadrail.routing', 'LeadRouted', {
      leadId,
      partnerId,
      leadValue: { amount: 3500, currency: 'GBP' },
      decision: {
        leadType: example.leadType,
        decidedAt: new Date().toISOString(),
        strategy: { method: 'round-robin', maxPartners: 1 },
        alreadyTried: [],
        candidates: [],
        decidedFrom: [],
      },
    }),
  }));
  for (let from = 0; from < count; from += CHUNK) {
    await producer.send({
      topic: Topics.leads,
      acks: -1,
      messages: recorded.slice(from, from + CHUNK),
    });
    await producer.send({
      topic: Topics.routing,
      acks: -1,
      messages: routed.slice(from, from + CHUNK),
    });
  }
  const leadIds = leads.map((lead) => lead.leadId);
  await waitUntil(
    async () => {
      const known = await db.leadsKnown(leadIds);
      return known.recorded === count && known.valued === count;
    },
    {
      what: `delivery to know the ${count} leads and their values`,
      timeoutMs: 900_000,
      intervalMs: 500,
    },
  );
  return leads;
}
