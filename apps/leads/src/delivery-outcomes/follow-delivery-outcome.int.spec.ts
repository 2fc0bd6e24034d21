import { randomUUID } from 'node:crypto';
import {
  deliveryFailedV1,
  deliveryRejectedV1,
  deliverySucceededV1,
} from '@leadrail/delivery-contracts';
import { leadRoutedV1 } from '@leadrail/routing-contracts';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { leadsService } from '../leads.service';
import { LifecycleScenario } from '../lifecycle/testing/lifecycle-scenario';

type Example = { payload: { data: object } };

/** Deliveries' final outcomes, as the delivery relay publishes them, change the lead. */
describe('Following delivery outcomes', () => {
  let scenario: LifecycleScenario;
  let producer: Producer;

  beforeAll(async () => {
    scenario = await LifecycleScenario.start(leadsService);
    producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await scenario?.stop();
  });

  /** An example of a contract, for this lead and partner, sent twice (a redelivery changes nothing). */
  async function publish(
    topic: string,
    example: Example,
    leadId: string,
    partnerId: string,
    data: object = {},
  ): Promise<void> {
    const eventId = randomUUID();
    const event = {
      ...example.payload,
      eventId,
      correlationId: eventId,
      causationId: eventId,
      data: { ...example.payload.data, leadId, partnerId, ...data },
    };
    const message = { key: leadId, value: JSON.stringify(event) };
    await producer.send({ topic, acks: -1, messages: [message, message] });
  }

  async function allocatedLead(): Promise<{ leadId: string; partnerId: string }> {
    const partnerId = await scenario.partner({ requireReferralAcceptance: false });
    const leadId = await scenario.receivedLead();
    await publish(Topics.routing, leadRoutedV1.examples[0]!, leadId, partnerId);
    await expectEventually(async () => {
      expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived', 'LeadAllocated']);
    });
    return { leadId, partnerId };
  }

  it('records a delivered lead once, with the partner reference', async () => {
    const { leadId, partnerId } = await allocatedLead();
    await publish(Topics.delivery, deliverySucceededV1.examples[0]!, leadId, partnerId, {
      partnerReference: 'ACME-1',
    });
    await expectEventually(async () => {
      expect(await scenario.storedTypes(leadId)).toEqual([
        'LeadReceived',
        'LeadAllocated',
        'LeadDelivered',
      ]);
    });
    const events = await scenario.stored(leadId);
    expect(events[2]!.data).toMatchObject({ partnerId, partnerReference: 'ACME-1' });
  });

  it.each([
    ['rejected', deliveryRejectedV1.examples[0]!, 'rejected by the partner: duplicate applicant'],
    ['failed', deliveryFailedV1.examples[0]!, 'delivery failed: no answer within 10000 ms'],
  ])('records a %s delivery as a failed one, with the reason', async (_kind, example, reason) => {
    const { leadId, partnerId } = await allocatedLead();
    await publish(Topics.delivery, example, leadId, partnerId);
    await expectEventually(async () => {
      expect(await scenario.storedTypes(leadId)).toEqual([
        'LeadReceived',
        'LeadAllocated',
        'LeadDeliveryFailed',
      ]);
    });
    const events = await scenario.stored(leadId);
    expect(events[2]!.data).toMatchObject({ partnerId, reason });
  });

  it('changes nothing for an operator redelivery', async () => {
    const { leadId, partnerId } = await allocatedLead();
    await publish(Topics.delivery, deliverySucceededV1.examples[0]!, leadId, partnerId, {
      redelivery: true,
    });
    await publish(Topics.delivery, deliverySucceededV1.examples[0]!, leadId, partnerId);
    await expectEventually(async () => {
      expect(await scenario.storedTypes(leadId)).toEqual([
        'LeadReceived',
        'LeadAllocated',
        'LeadDelivered',
      ]);
    });
  });
});
