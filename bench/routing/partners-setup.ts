import { randomUUID } from 'node:crypto';
import { waitUntil } from '@leadrail/local-infra';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import { Topics } from '@leadrail/topics';
import { type Kafka, type Producer, Partitioners } from 'kafkajs';
import { Client } from 'pg';

const ALL_DAY = { enabled: true, from: '00:00', to: '00:00' };
const ALWAYS_OPEN = {
  timeZone: 'Europe/London',
  days: {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  },
};
/** Priorities the partners take in turn: the highest tier gets every lead, round-robin. */
export const PRIORITIES = [70, 50, 30] as const;
// Generous: never reached in a run, but checked by every eligibility test and every ledger append.
const LIMITS = { daily: 1_000_000, monthly: 10_000_000 };
// GBP 10,000,000 of credit each: at the example's Lead Value of GBP 35, 285,714 leads.
const CREDIT_LIMIT = { amount: 1_000_000_000, currency: 'GBP' };

/**
 * `count` partners buying `leadType`, announced on `leadrail.partners.v1`
 * exactly as the partners service's relay publishes them (the example
 * broker's settings: introducer and partner, email and JSON delivery, a
 * Lead Value of GBP 35):
 * post-pay with a credit limit, billed at delivery (so every allocation
 * reserves its Lead Value against the credit), open around the clock, with
 * generous daily and monthly limits, priorities in turn from
 * {@link PRIORITIES}. Waits until routing's view of partners holds every
 * one of them with its lead type and priority; returns their ids.
 */
export async function setUpPartners(
  kafka: Kafka,
  databaseUrl: string,
  leadType: string,
  count: number,
): Promise<string[]> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const expected = new Map<string, number>();
  try {
    for (let index = 0; index < count; index++) {
      const partnerId = randomUUID();
      const priority = PRIORITIES[index % PRIORITIES.length]!;
      expected.set(partnerId, priority);
      await announcePartner(producer, partnerId, leadType, priority);
    }
  } finally {
    await producer.disconnect();
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await waitUntil(
      async () => {
        const { rows } = await db.query<{ partner_id: string; priority: number }>(
          `SELECT partner_id, (record->>'selectionPriority')::int AS priority
           FROM routing.routing_partners WHERE $1 = ANY(lead_types)`,
          [leadType],
        );
        return (
          rows.length === count &&
          rows.every((row) => expected.get(row.partner_id) === row.priority)
        );
      },
      { what: `routing to know the ${count} partners buying ${leadType}`, timeoutMs: 180_000 },
    );
  } finally {
    await db.end();
  }
  return [...expected.keys()];
}

/** PartnerRegistered, LeadTypesBoughtChanged and SelectionPriorityChanged, keyed by the partner. */
async function announcePartner(
  producer: Producer,
  partnerId: string,
  leadType: string,
  priority: number,
): Promise<void> {
  const example = brokerRegisteredWithFullSettings.payload;
  const events: [string, object][] = [
    [
      'PartnerRegistered',
      {
        ...example.data,
        partnerId,
        settings: {
          ...example.data.settings,
          payment: { mode: 'post-pay', creditLimit: CREDIT_LIMIT },
          billingPoint: 'delivery',
          limits: LIMITS,
          schedule: ALWAYS_OPEN,
        },
      },
    ],
    [
      'LeadTypesBoughtChanged',
      {
        partnerId,
        leadTypes: [{ leadType, postcodes: [], criteria: [], leadValue: null }],
      },
    ],
    ['SelectionPriorityChanged', { partnerId, selectionPriority: priority }],
  ];
  await producer.send({
    topic: Topics.partners,
    acks: -1,
    messages: events.map(([type, data]) => {
      const eventId = randomUUID();
      const event = {
        eventId,
        type,
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: eventId,
        causationId: eventId,
        source: 'leadrail.partners',
        data,
      };
      return { key: partnerId, value: JSON.stringify(event) };
    }),
  });
}
