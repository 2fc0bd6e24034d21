import { randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { routingService } from './routing.service';
import { LeadTypeTestKit } from './testing/lead-type-test-kit';
import { RoutingTestKit } from './testing/routing-test-kit';

/** A lead type of this test's own: partners and leads of other tests never mix in. */
function leadType(): string {
  return `st-${randomUUID().slice(0, 8)}`;
}

type Routed = {
  partnerId: string;
  decision: { strategy: { method: string; maxPartners: number } };
};

/**
 * How far a binomial count may stray from its mean before the test calls it
 * wrong: `z` standard deviations, sqrt(n p (1 - p)). With z = 4 a correct
 * router fails about once in 16,000 runs (two-sided normal tail, 6.3e-5).
 */
function binomialTolerance(n: number, p: number, z = 4): number {
  return Math.ceil(z * Math.sqrt(n * p * (1 - p)));
}

describe("a lead type's routing strategy", () => {
  let service: ServiceUnderTest;
  let kit: RoutingTestKit;
  let types: LeadTypeTestKit;

  beforeAll(async () => {
    service = await startServiceUnderTest(routingService);
    kit = await RoutingTestKit.for(service);
    types = await LeadTypeTestKit.for(service);
  });

  afterAll(async () => {
    await types?.close();
    await kit?.close();
    await service?.stop();
  });

  /** Where each lead went (every one routed), waiting for all, `parallel` reads at a time. */
  async function routedLeads(leadIds: string[], parallel = 10): Promise<Routed[]> {
    const routed: Routed[] = [];
    for (let from = 0; from < leadIds.length; from += parallel) {
      const batch = leadIds.slice(from, from + parallel);
      const answers = await Promise.all(
        batch.map((leadId) => kit.historyOf(leadId, ['RoutingRequested', 'LeadRouted'], 120_000)),
      );
      routed.push(...answers.map((answer) => answer.history[1]!.data as unknown as Routed));
    }
    return routed;
  }

  it('spreads the leads of a weighted lead type by the partners’ weights', async () => {
    const type = leadType();
    await types.define(type, 'weighted');
    const heavy = await kit.partner({ leadType: type });
    await types.weigh(heavy, type, 3);
    const light = await kit.partner({ leadType: type });
    await types.weigh(light, type, 1);

    const leads = 200;
    const routed = await routedLeads(await kit.recordLeads(type, leads));

    expect(new Set(routed.map((lead) => lead.decision.strategy.method))).toEqual(
      new Set(['weighted']),
    );
    expect(routed.every((lead) => lead.decision.strategy.maxPartners === 1)).toBe(true);
    const toHeavy = routed.filter((lead) => lead.partnerId === heavy).length;
    const toLight = routed.filter((lead) => lead.partnerId === light).length;
    expect(toHeavy + toLight).toBe(leads);
    // Each lead goes to heavy with chance 3/4, independently (a draw from a hash of its id):
    // heavy's count is Binomial(200, 3/4), mean 150, sd 6.1. Round-robin (100) is 8 sd away.
    const share = 3 / 4;
    const tolerance = binomialTolerance(leads, share);
    expect(tolerance).toBe(25);
    expect(Math.abs(toHeavy - leads * share)).toBeLessThanOrEqual(tolerance);
  }, 240_000);

  it('takes partners in turn for a round-robin lead type, whatever their weights', async () => {
    const type = leadType();
    // Defined weighted, then changed: routing follows the lead type's latest method.
    await types.define(type, 'weighted');
    await types.change(type, 'round-robin');
    const first = await kit.partner({ leadType: type });
    await types.weigh(first, type, 3);
    const second = await kit.partner({ leadType: type });

    const chosen: string[] = [];
    for (let index = 0; index < 6; index++) {
      const [leadId] = await kit.recordLeads(type);
      const [routed] = await routedLeads([leadId!]);
      expect(routed!.decision.strategy).toEqual({ method: 'round-robin', maxPartners: 1 });
      chosen.push(routed!.partnerId);
    }
    expect(new Set(chosen)).toEqual(new Set([first, second]));
    chosen.slice(1).forEach((partnerId, index) => expect(partnerId).not.toBe(chosen[index]));
  }, 240_000);

  it('routes a lead type it has not heard of by the default strategy', async () => {
    const type = leadType();
    const only = await kit.partner({ leadType: type });
    const [routed] = await routedLeads(await kit.recordLeads(type));
    expect(routed).toMatchObject({
      partnerId: only,
      decision: { strategy: { method: 'round-robin', maxPartners: 1 } },
    });
  });
});
