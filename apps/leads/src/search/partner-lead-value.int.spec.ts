import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { leadValueSetV1, partnerTypeChangedV1 } from '@leadrail/partners-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Partitioners } from 'kafkajs';
import { leadsService } from '../leads.service';
import { LeadsTestKit } from '../testing/leads-test-kit';
import { SearchTestLeads, portalCall } from './testing/search-test-leads';

/** Publishes a partners event as the partners relay would: keyed by partner, fresh ids. */
async function publishPartnerEvent(
  example: { payload: { data: object } },
  partnerId: string,
  data: object,
): Promise<void> {
  const eventId = randomUUID();
  const event = {
    ...example.payload,
    eventId,
    correlationId: eventId,
    causationId: eventId,
    data: { ...example.payload.data, ...data, partnerId },
  };
  const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({
    topic: Topics.partners,
    acks: -1,
    messages: [{ key: partnerId, value: JSON.stringify(event) }],
  });
  await producer.disconnect();
}

describe("the partner's lead value in portal reports", () => {
  let service: ServiceUnderTest;
  let kit: LeadsTestKit;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
    await kit.defineLeadType(mortgageLeadFromCrm.payload.data.leadType);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  it('follows LeadValueSet and PartnerTypeChanged from the partners topic', async () => {
    const introducerId = await kit.announcePartner({ introducer: true, partner: false });
    const partnerId = await kit.announcePartner({ partner: true, level: 'leads-and-reports' });
    const leads = new SearchTestLeads(service);
    await leads.deliver(await leads.record(introducerId), partnerId);
    const today = new Date().toISOString().slice(0, 10);
    const report = async () =>
      (await portalCall(service, partnerId, `/portal/reports?from=${today}&to=${today}`)).body;

    await expectEventually(async () =>
      expect((await report()).totals).toEqual({
        leads: 1,
        returned: 0,
        value: { amount: 3500, currency: 'GBP' },
      }),
    );

    await publishPartnerEvent(leadValueSetV1.examples[0]!, partnerId, {
      leadValue: { amount: 4200, currency: 'GBP' },
    });
    await expectEventually(async () =>
      expect((await report()).totals.value).toEqual({ amount: 4200, currency: 'GBP' }),
    );

    // No longer a partner: no lead value, so the report counts leads but values none.
    await publishPartnerEvent(partnerTypeChangedV1.examples[0]!, partnerId, {
      partnerType: {
        introducer: true,
        partner: false,
        leadCost: { amount: 1500, currency: 'GBP' },
        leadValue: null,
      },
    });
    await expectEventually(async () => {
      const body = await report();
      expect(body.leadValue).toBeNull();
      expect(body.totals).toEqual({ leads: 1, returned: 0, value: null });
    });
  });
});
