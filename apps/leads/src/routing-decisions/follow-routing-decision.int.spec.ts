import { randomUUID } from 'node:crypto';
import { leadRoutedV1 } from '@leadrail/routing-contracts';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Partitioners } from 'kafkajs';
import { leadsService } from '../leads.service';
import { LifecycleScenario } from '../lifecycle/testing/lifecycle-scenario';

describe('Following routing decisions', () => {
  let scenario: LifecycleScenario;

  beforeAll(async () => {
    scenario = await LifecycleScenario.start(leadsService);
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  /** `LeadRouted` v1 as the routing relay publishes it (the contract's example, for this lead and partner). */
  async function publishLeadRouted(leadId: string, partnerId: string): Promise<void> {
    const example = leadRoutedV1.examples[0]!.payload;
    const eventId = randomUUID();
    const event = {
      ...example,
      eventId,
      correlationId: eventId,
      causationId: eventId,
      data: { ...example.data, leadId, partnerId },
    };
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const message = { key: leadId, value: JSON.stringify(event) };
    // Twice: a redelivered decision changes nothing more.
    await producer.send({ topic: Topics.routing, acks: -1, messages: [message, message] });
    await producer.disconnect();
  }

  it('refers the lead to a partner that must accept referrals first, once', async () => {
    const partnerId = await scenario.partner({ requireReferralAcceptance: true });
    const leadId = await scenario.receivedLead();
    await publishLeadRouted(leadId, partnerId);

    await expectEventually(async () => {
      expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived', 'LeadReferred']);
    });
  });

  it('allocates the lead to a partner that takes leads without a referral', async () => {
    const partnerId = await scenario.partner({ requireReferralAcceptance: false });
    const leadId = await scenario.receivedLead();
    // A decision about a lead this service never recorded is skipped, not retried.
    const unknownLead = randomUUID();
    await publishLeadRouted(unknownLead, partnerId);
    await publishLeadRouted(leadId, partnerId);

    await expectEventually(async () => {
      expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived', 'LeadAllocated']);
    });
    expect(await scenario.storedTypes(unknownLead)).toEqual([]);
  });
});
