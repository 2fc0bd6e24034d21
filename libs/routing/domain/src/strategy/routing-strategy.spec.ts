import {
  DEFAULT_ROUTING_STRATEGY,
  SELECTION_METHODS,
  isSelectionMethod,
  leadTypeStrategy,
} from './routing-strategy';

describe(leadTypeStrategy.name, () => {
  it.each(SELECTION_METHODS)('routes a lead type set to %s by it, exclusively', (method) => {
    expect(leadTypeStrategy(method)).toEqual({ method, maxPartners: 1 });
  });

  it.each([null, undefined, 'random', 'Weighted', 3])(
    'falls back to the default strategy for %p',
    (method) => {
      expect(leadTypeStrategy(method)).toBe(DEFAULT_ROUTING_STRATEGY);
    },
  );

  it('defaults to exclusive round-robin', () => {
    expect(DEFAULT_ROUTING_STRATEGY).toEqual({ method: 'round-robin', maxPartners: 1 });
  });
});

describe(isSelectionMethod.name, () => {
  it('knows round-robin and weighted only', () => {
    expect(['round-robin', 'weighted', 'random', '', null].map(isSelectionMethod)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
