import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm, phoneOnlyLeadFromWebForm } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Partitioners } from 'kafkajs';
import { leadsService } from '../leads.service';
import { LeadsTestKit } from '../testing/leads-test-kit';

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
  let kit: LeadsTestKit;
  let introducerId: string;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
    introducerId = await kit.announcePartner({ introducer: true, partner: false });
    await kit.defineLeadType(mortgageLeadFromCrm.payload.data.leadType);
    await kit.defineLeadType(phoneOnlyLeadFromWebForm.payload.data.leadType);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  async function publish(events: object[], key: string) {
    // A plain kafkajs producer, as an internal service outside LeadRail would use; one key, one partition.
    const producer = plainKafka().producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const [sent] = await producer.send({
      topic: Topics.leadIntake,
      acks: -1,
      messages: events.map((event) => ({ key, value: JSON.stringify(event) })),
    });
    await producer.disconnect();
    return sent!;
  }

  it('records valid leads with the contact sealed, dead-letters a malformed one with a readable reason, and goes on with the partition', async () => {
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
    const sent = await publish([first, broken, next], introducerId);

    for (const lead of [first, next]) {
      const events = await expectEventually(async () => {
        const stored = await kit.leadStream(lead.data.leadId);
        expect(stored.map((event) => event.type)).toEqual(['LeadReceived']);
        return stored;
      });
      const data = events[0]!.data;
      expect(data).toMatchObject({
        leadId: lead.data.leadId,
        source: { channel: 'internal', publisher: lead.source },
        details: { introducerId, leadType: lead.data.leadType },
        personal: { v: 1, alg: 'A256GCM', keyId: lead.data.leadId },
      });
      // The person is nowhere in the log in clear.
      const text = JSON.stringify(events);
      expect(text).not.toContain(lead.data.contact.firstName);
      expect(text).not.toContain(lead.data.contact.lastName);
    }
    expect(await kit.leadStream(broken.data.leadId)).toEqual([]);

    const brokenOffset = String(BigInt(sent.baseOffset!) + 1n);
    const letter = await findMessage(
      `${Topics.leadIntake}.dlq`,
      (message) =>
        message.headers['leadrail-dlq-original-offset'] === brokenOffset &&
        message.key === introducerId,
    );
    expect(letter.headers).toMatchObject({
      'leadrail-dlq-reason': 'invalid-data',
      'leadrail-dlq-original-topic': Topics.leadIntake,
      'leadrail-dlq-original-partition': String(sent.partition),
      'leadrail-dlq-consumer-group': service.config.kafka.groupId,
    });
    expect(letter.headers['leadrail-dlq-error']).toContain('data.contact.email');
    expect(letter.headers['leadrail-dlq-error']).toContain('data.colour');
    expect(JSON.parse(letter.value!.toString())).toEqual(broken);
  });

  it('keeps the contract promise: a lead sent again under the same external reference is a duplicate of the first', async () => {
    const first = freshLead(mortgageLeadFromCrm, introducerId);
    const externalReference = `crm-${randomUUID()}`;
    first.data = { ...first.data, externalReference };
    const again = freshLead(mortgageLeadFromCrm, introducerId);
    again.data = { ...again.data, externalReference };
    await publish([first, again], introducerId);

    const events = await expectEventually(async () => {
      const stored = await kit.leadStream(again.data.leadId);
      expect(stored).toHaveLength(1);
      return stored;
    });
    expect(events[0]).toMatchObject({
      type: 'LeadRejected',
      data: {
        rejection: {
          code: 'DUPLICATE_LEAD',
          duplicateOf: {
            originalLeadId: first.data.leadId,
            ruleId: 'built-in.external-reference',
            matchedOn: ['external-reference'],
          },
        },
      },
    });
    expect((await kit.leadStream(first.data.leadId)).map((event) => event.type)).toEqual([
      'LeadReceived',
    ]);
  });

  it('rejects, with the reason recorded, a lead of an unknown type and one from an unknown introducer', async () => {
    const unknownType = freshLead(mortgageLeadFromCrm, introducerId);
    unknownType.data = { ...unknownType.data, leadType: 'time-travel' };
    const strangerId = randomUUID();
    const fromStranger = freshLead(mortgageLeadFromCrm, strangerId);
    await publish([unknownType], introducerId);
    await publish([fromStranger], strangerId);

    await expectEventually(async () => {
      const [rejected] = await kit.leadStream(unknownType.data.leadId);
      expect(rejected).toMatchObject({
        type: 'LeadRejected',
        data: { rejection: { code: 'UNKNOWN_LEAD_TYPE', reasons: [{ field: 'leadType' }] } },
      });
    });
    await expectEventually(async () => {
      const [rejected] = await kit.leadStream(fromStranger.data.leadId);
      expect(rejected).toMatchObject({
        type: 'LeadRejected',
        data: {
          rejection: { code: 'INTRODUCER_NOT_ACTIVE', reasons: [{ field: 'introducerId' }] },
        },
      });
    });
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
