import { randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { routingService } from './routing.service';
import { BillingTestKit } from './testing/billing-test-kit';
import { RoutingTestKit } from './testing/routing-test-kit';

jest.setTimeout(120_000);

/** The Lead Value of the test kit's partners (GBP 35.00). */
const VALUE = 3500;

type Reason = { code: string; detail?: string };
type Decision = { candidates: { partnerId: string; eligible: boolean; reasons: Reason[] }[] };

function leadType(): string {
  return `funds-${randomUUID().slice(0, 8)}`;
}

/**
 * Funds from billing's events (`leadrail.billing.v1`, as the billing service
 * publishes them): balances gate pre-pay and post-pay partners, charges
 * settle reservations, releases give them back.
 */
describe('routing with funds from billing', () => {
  let service: ServiceUnderTest;
  let kit: RoutingTestKit;
  let billing: BillingTestKit;

  beforeAll(async () => {
    service = await startServiceUnderTest(routingService);
    kit = await RoutingTestKit.for(service);
    billing = await BillingTestKit.for(service);
  });

  afterAll(async () => {
    await billing?.close();
    await kit?.close();
    await service?.stop();
  });

  /** The reasons the lead's latest decision gave for the partner. */
  async function reasonsFor(leadId: string, types: string[], partnerId: string): Promise<Reason[]> {
    const answer = await kit.historyOf(leadId, types);
    const decision = answer.history[answer.history.length - 1]!.data as { decision: Decision };
    return decision.decision.candidates.find((c) => c.partnerId === partnerId)?.reasons ?? [];
  }

  it('routes a pre-pay partner only as far as its balance, and settles charges', async () => {
    const type = leadType();
    const partner = await kit.partner({ leadType: type });
    await billing.makePrePay(partner);

    // Nothing paid in: routing knows no funds.
    const [unpaid] = await kit.recordLeads(type);
    expect(await reasonsFor(unpaid!, ['RoutingRequested', 'LeadUnroutable'], partner)).toEqual([
      { code: 'funds-unknown', detail: 'no-account' },
    ]);

    // Paid in for two leads and a bit: the waiting lead is retried and routed, one more fits,
    // the next is refused.
    await billing.credit(partner, 2 * VALUE + 100);
    await kit.historyOf(unpaid!, ['RoutingRequested', 'LeadUnroutable', 'LeadRouted']);
    const [second] = await kit.recordLeads(type);
    await kit.historyOf(second!, ['RoutingRequested', 'LeadRouted']);
    const [third] = await kit.recordLeads(type);
    expect(await reasonsFor(third!, ['RoutingRequested', 'LeadUnroutable'], partner)).toEqual([
      expect.objectContaining({ code: 'insufficient-funds' }),
    ]);
    const reserved = await billing.funds(partner);
    expect(reserved).toMatchObject({
      account: { balance: { amount: 2 * VALUE + 100 }, accountVersion: 1 },
      reserved: { amount: 2 * VALUE },
      unseenCharges: { amount: 0 },
      left: { amount: 100, currency: 'GBP' },
    });
    expect(reserved.reserved.leadIds.sort()).toEqual([unpaid, second].sort());
    const first = unpaid;

    // Billing charges the first lead: its reservation is settled, and the balance includes it.
    await billing.charge(partner, first!, VALUE);
    const charged = await billing.fundsAt(partner, 2);
    expect(charged).toMatchObject({
      account: { balance: { amount: VALUE + 100 } },
      reserved: { amount: VALUE, leadIds: [second] },
      unseenCharges: { amount: 0 },
      left: { amount: 100 },
    });

    // A top-up lets the next lead through.
    await billing.credit(partner, VALUE);
    await billing.fundsAt(partner, 3);
    const [fourth] = await kit.recordLeads(type);
    await kit.historyOf(fourth!, ['RoutingRequested', 'LeadRouted']);
    expect((await billing.funds(partner)).left).toEqual({ amount: 100, currency: 'GBP' });
  });

  it('gives a released reservation back, so the next lead can use it', async () => {
    const type = leadType();
    const partner = await kit.partner({ leadType: type });
    await billing.makePrePay(partner);
    await billing.credit(partner, VALUE);
    await billing.fundsAt(partner, 1);
    const [held] = await kit.recordLeads(type);
    await kit.historyOf(held!, ['RoutingRequested', 'LeadRouted']);
    expect((await billing.funds(partner)).left).toEqual({ amount: 0, currency: 'GBP' });

    await kit.publishLeadEvent(held!, 'ReferralDeclined', {
      partnerId: partner,
      declinedAt: new Date().toISOString(),
      declinedBy: { type: 'partner', id: partner },
      reason: 'not for us',
    });
    const answer = await kit.historyOf(held!, [
      'RoutingRequested',
      'LeadRouted',
      'LeadAllocationReleased',
      'LeadUnroutable',
    ]);
    expect(answer.history[2]!.data).toMatchObject({
      releasedReservation: { amount: VALUE, currency: 'GBP' },
    });
    expect(await billing.funds(partner)).toMatchObject({
      reserved: { amount: 0 },
      left: { amount: VALUE },
    });
    const [next] = await kit.recordLeads(type);
    await kit.historyOf(next!, ['RoutingRequested', 'LeadRouted']);
  });

  it('lets a post-pay partner run its balance down to minus its credit limit, no further', async () => {
    const type = leadType();
    const partner = await kit.partner({ leadType: type });
    const { payment } = await billing.funds(partner);
    const credit = payment.creditLimit!.amount;
    // The account stands one and a half leads above minus the credit limit.
    await billing.debit(partner, credit - VALUE - VALUE / 2);
    await billing.fundsAt(partner, 1);
    const [first, second] = await kit.recordLeads(type, 2);
    const routed = [first!, second!];
    const outcomes = await Promise.all(
      routed.map(async (leadId) => {
        const answer = await kit.historyOf(leadId, [
          'RoutingRequested',
          expect.any(String) as string,
        ]);
        return answer.history[1]!.type;
      }),
    );
    expect(outcomes.sort()).toEqual(['LeadRouted', 'LeadUnroutable']);
    expect(await billing.funds(partner)).toMatchObject({
      available: { amount: VALUE + VALUE / 2 },
      reserved: { amount: VALUE },
      left: { amount: VALUE / 2 },
    });
  });

  it('counts a settled charge the balance does not include yet', async () => {
    const type = leadType();
    const partner = await kit.partner({ leadType: type });
    await billing.makePrePay(partner);
    await billing.credit(partner, 3 * VALUE);
    await billing.fundsAt(partner, 1);
    const [first] = await kit.recordLeads(type);
    await kit.historyOf(first!, ['RoutingRequested', 'LeadRouted']);
    await billing.charge(partner, first!, VALUE);
    const seen = await billing.fundsAt(partner, 2);
    expect(seen).toMatchObject({ unseenCharges: { amount: 0 }, left: { amount: 2 * VALUE } });

    // A charge of a lead routing never allocated (an operator's manual referral) moves the balance only.
    await billing.charge(partner, randomUUID(), VALUE);
    expect(await billing.fundsAt(partner, 3)).toMatchObject({
      account: { balance: { amount: VALUE } },
      reserved: { amount: 0 },
      left: { amount: VALUE },
    });
  });
});
