import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { brokerRegisteredWithFullSettings } from '@leadrail/partners-contracts';
import { Topics } from '@leadrail/topics';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { Client } from 'pg';

export const LEAD_TYPE = 'mortgage';

/** What posting leads needs: an introducer known to leads, its API key, an active lead type. */
export interface IntakeSetup {
  introducerId: string;
  apiKey: string;
}

/**
 * Sets the service up as an operator would, through its own interfaces: the
 * introducer announced on `leadrail.partners.v1` (as the partners service
 * publishes it), the lead type and a de-duplication rule on email defined
 * over HTTP, and an API key issued to the introducer.
 */
export async function setUpIntake(
  url: string,
  operatorToken: string,
  databaseUrl: string,
  kafka: Kafka,
  groupId: string,
): Promise<IntakeSetup> {
  const introducerId = randomUUID();
  await announceIntroducer(introducerId, kafka);
  await until('the introducer reaches the leads service', async () => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT 1 FROM leads.partner_view WHERE partner_id = $1', [
        introducerId,
      ]);
      return rows.length === 1;
    } finally {
      await db.end();
    }
  });
  const operator = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    }
    return answer;
  };
  await operator('POST', '/lead-types', { slug: LEAD_TYPE, name: 'Mortgage' });
  await operator('PUT', '/lead-settings/duplicate-rules', {
    rules: [
      {
        id: 'same-email',
        keys: ['email'],
        scope: 'all-introducers',
        window: { type: 'all-time' },
        action: 'reject',
      },
    ],
  });
  const { apiKey } = (await operator('POST', `/introducers/${introducerId}/api-keys`, {
    label: 'bench',
  })) as { apiKey: string };
  await until('the API key is accepted', async () => {
    const response = await fetch(`${url}/introducer/whoami`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    return response.ok;
  });
  // A new consumer group starts at the beginning: on a broker other runs used, the
  // intake topic's history would be consumed during the measurements.
  await until('the service has consumed the intake topic as it is', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(Topics.leadIntake),
        admin.fetchOffsets({ groupId, topics: [Topics.leadIntake] }),
      ]);
      const at = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]));
      return ends.every(
        (end) => BigInt(end.high) === 0n || (at.get(end.partition) ?? -1n) >= BigInt(end.high),
      );
    } finally {
      await admin.disconnect();
    }
  });
  return { introducerId, apiKey };
}

/** A kafkajs client, as an internal service outside LeadRail would use. */
export function plainKafka(kafkaBrokers: string): Kafka {
  return new Kafka({
    clientId: 'leadrail-bench',
    brokers: kafkaBrokers.split(','),
    logLevel: logLevel.WARN,
  });
}

async function announceIntroducer(introducerId: string, kafka: Kafka): Promise<void> {
  const example = brokerRegisteredWithFullSettings.payload;
  const eventId = randomUUID();
  const event = {
    ...example,
    eventId,
    correlationId: eventId,
    causationId: eventId,
    data: {
      ...example.data,
      partnerId: introducerId,
      settings: {
        ...example.data.settings,
        partnerType: { ...example.data.settings.partnerType, introducer: true, partner: false },
      },
    },
  };
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({
      topic: Topics.partners,
      acks: -1,
      messages: [{ key: introducerId, value: JSON.stringify(event) }],
    });
  } finally {
    await producer.disconnect();
  }
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting until ${what}`);
    }
    await sleep(250);
  }
}

/**
 * A unique lead as an introducer posts it (JSON): its own lead id, email and
 * external reference, so every request is a new lead and an original.
 */
export function leadBody(sequence: number): string {
  const tag = randomUUID();
  return JSON.stringify({
    leadId: randomUUID(),
    leadType: LEAD_TYPE,
    externalReference: `bench-${sequence}-${tag.slice(0, 8)}`,
    contact: {
      firstName: 'Priya',
      lastName: 'Shah',
      email: `priya.${tag}@example.com`,
      phone: '+447700900123',
      address: { line1: '14 Albert Road', city: 'Manchester', postcode: 'M14 5RL', country: 'GB' },
    },
    answers: { property_value: 350000, deposit: 52500, first_time_buyer: true },
    consent: { contactByPhone: true, contactByEmail: true, capturedAt: '2026-11-25T08:59:38.000Z' },
    receivedAt: '2026-11-25T08:59:41.220Z',
  });
}
