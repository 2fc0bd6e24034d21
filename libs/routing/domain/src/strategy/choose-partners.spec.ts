import { choosePartners, type StrategyCandidate } from './choose-partners';
import { INITIAL_ROTATION, type RoutingStrategy } from './routing-strategy';

const candidate = (partnerId: string, priority = 0, weight = 1): StrategyCandidate => ({
  partnerId,
  priority,
  weight,
});
const roundRobin: RoutingStrategy = { method: 'round-robin', maxPartners: 1 };
const weighted: RoutingStrategy = { method: 'weighted', maxPartners: 1 };
const lead = (leadId: string) => ({ leadId });

describe(choosePartners.name, () => {
  it('chooses the highest priority first, whatever the turn', () => {
    const choice = choosePartners(
      [candidate('a', 1), candidate('b', 5), candidate('c', 1)],
      roundRobin,
      { lastChosen: 'b' },
      lead('l1'),
    );
    expect(choice.chosen).toEqual(['b']);
  });

  it('takes partners of equal priority in turn, round and round', () => {
    const tier = [candidate('c'), candidate('a'), candidate('b')];
    let rotation = INITIAL_ROTATION;
    const chosen: string[] = [];
    for (let index = 0; index < 5; index++) {
      const choice = choosePartners(tier, roundRobin, rotation, lead(`l${index}`));
      chosen.push(...choice.chosen);
      rotation = choice.rotation;
    }
    expect(chosen).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('shares a lead with up to N partners, falling through to lower priorities', () => {
    const choice = choosePartners(
      [candidate('a', 2), candidate('b', 1), candidate('c', 1), candidate('d', 0)],
      { method: 'round-robin', maxPartners: 3 },
      { lastChosen: 'b' },
      lead('l1'),
    );
    expect(choice).toEqual({ chosen: ['a', 'c', 'b'], rotation: { lastChosen: 'b' } });
  });

  it('chooses nobody from nobody', () => {
    expect(choosePartners([], roundRobin, INITIAL_ROTATION, lead('l1'))).toEqual({
      chosen: [],
      rotation: INITIAL_ROTATION,
    });
  });

  it('draws by weight, the same way every time for the same lead', () => {
    const tier = [candidate('heavy', 0, 3), candidate('light', 0, 1)];
    const first = (leadId: string) =>
      choosePartners(tier, weighted, INITIAL_ROTATION, lead(leadId)).chosen[0];
    const wins = { heavy: 0, light: 0 };
    for (let index = 0; index < 4000; index++) {
      const winner = first(`lead-${index}`);
      if (winner === 'heavy' || winner === 'light') {
        wins[winner]++;
      }
    }
    // Expected 3000 : 1000.
    expect(wins.heavy).toBeGreaterThan(2800);
    expect(wins.heavy).toBeLessThan(3200);
    expect(first('lead-7')).toBe(first('lead-7'));
  });

  it('lets a seed reshuffle the weighted draw', () => {
    const tier = ['a', 'b', 'c', 'd'].map((id) => candidate(id));
    const orders = new Set(
      ['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) =>
        choosePartners(
          tier,
          { method: 'weighted', maxPartners: 4, seed },
          INITIAL_ROTATION,
          lead('x'),
        ).chosen.join(''),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
