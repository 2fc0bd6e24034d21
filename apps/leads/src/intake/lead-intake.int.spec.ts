import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm, phoneOnlyLeadFromWebForm } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { leadsService } from '../leads.service';

/** An example message with fresh ids, as a new publication would have. */
function freshLead(example: typeof mortgageLeadFromCrm, introducerId: string) {
  const eventId = randomUUID();
  return {
    ...example.payload,
    eventId,
    correlationId: eventId,
    causationId: eventId,
    data: { ...example.payload.data, leadId: randomUUID(), introducerId },
  };
}

describe('LeadReceived from internal publishers', () => {
  let service: ServiceUnderTest;
  let db: Client;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    db = new Client({ connectionString: service.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await service?.stop();
  });

  it('consumes valid leads, dead-letters a malformed one with a readable reason, and goes on with the partition', async () => {
    const introducerId = randomUUID();
    const first = freshLead(mortgageLeadFromCrm, introducerId);
    const malformed = freshLead(phoneOnlyLeadFromWebForm, introducerId);
    const broken = {
      ...malformed,
      data: {
        ...malformed.data,
        contact: { firstName: 'Sam', lastName: 'Lee', email: 'not-an-email' },
        colour: 'blue',
      },
    };
    const next = freshLead(phoneOnlyLeadFromWebForm, introducerId);

    // A plain kafkajs producer, as an internal service outside LeadRail would use; one key, one partition.
    const producer = plainKafka().producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const [sent] = await producer.send({
      topic: Topics.leadIntake,
      acks: -1,
      messages: [first, broken, next].map((event) => ({
        key: introducerId,
        value: JSON.stringify(event),
      })),
    });
    await producer.disconnect();

    const rows = await expectEventually(async () => {
      const { rows } = await db.query<{ lead_id: string; source: string }>(
        'SELECT lead_id, source FROM leads.received_leads WHERE introducer_id = $1 ORDER BY received_at',
        [introducerId],
      );
      expect(rows.map((row) => row.lead_id).sort()).toEqual(
        [first.data.leadId, next.data.leadId].sort(),
      );
      return rows;
    });
    expect(rows[0]!.source).toBe('acme.crm');

    const brokenOffset = String(BigInt(sent!.baseOffset!) + 1n);
    const letter = await findMessage(
      `${Topics.leadIntake}.dlq`,
      (message) =>
        message.headers['leadrail-dlq-original-offset'] === brokenOffset &&
        message.key === introducerId,
    );
    expect(letter.headers).toMatchObject({
      'leadrail-dlq-reason': 'invalid-data',
      'leadrail-dlq-original-topic': Topics.leadIntake,
      'leadrail-dlq-original-partition': String(sent!.partition),
      'leadrail-dlq-consumer-group': service.config.kafka.groupId,
    });
    expect(letter.headers['leadrail-dlq-error']).toContain('data.contact.email');
    expect(letter.headers['leadrail-dlq-error']).toContain('data.colour');
    expect(JSON.parse(letter.value!.toString())).toEqual(broken);

    const { rows: counts } = await db.query<{ leads: number }>(
      'SELECT leads FROM leads.introducer_daily_intake WHERE introducer_id = $1',
      [introducerId],
    );
    expect(counts.reduce((sum, row) => sum + row.leads, 0)).toBe(2);
  });

  it('dead-letters a message that is not JSON, naming the reason', async () => {
    const key = randomUUID();
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: Topics.leadIntake,
      messages: [{ key, value: 'lead: yes please' }],
    });
    await producer.disconnect();
    const letter = await findMessage(`${Topics.leadIntake}.dlq`, (message) => message.key === key);
    expect(letter.headers['leadrail-dlq-reason']).toBe('invalid-json');
    expect(letter.value?.toString()).toBe('lead: yes please');
  });
});
