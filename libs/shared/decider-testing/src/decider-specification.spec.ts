import { deciderSpecification } from './decider-specification';

class SoldOutError extends Error {
  readonly code = 'SOLD_OUT';
}

/** Two tickets: the smallest decider with a rule. */
const tickets = {
  initialState: () => 0,
  decide: (_command: 'Buy', sold: number) => {
    if (sold >= 2) {
      throw new SoldOutError('sold out');
    }
    return [{ type: 'Sold' as const }];
  },
  evolve: (sold: number) => sold + 1,
};

const spec = deciderSpecification(tickets);

describe(deciderSpecification.name, () => {
  it('passes when the command decides exactly the expected events', () => {
    spec
      .given([{ type: 'Sold' }])
      .when('Buy')
      .then([{ type: 'Sold' }]);
  });

  it('passes when the command is refused with the expected class or code', () => {
    spec
      .given([{ type: 'Sold' }, { type: 'Sold' }])
      .when('Buy')
      .thenThrows(SoldOutError);
    spec
      .given([{ type: 'Sold' }, { type: 'Sold' }])
      .when('Buy')
      .thenThrows('SOLD_OUT');
  });

  it('fails when the events differ or the command is not refused', () => {
    expect(() => spec.given([]).when('Buy').then([])).toThrow();
    expect(() => spec.given([]).when('Buy').thenThrows('SOLD_OUT')).toThrow();
  });
});

describe('deciderSpecification with properties', () => {
  it('matches a refusal by its properties', () => {
    spec
      .given([{ type: 'Sold' }, { type: 'Sold' }])
      .when('Buy')
      .thenThrows({ code: 'SOLD_OUT', message: 'sold out' });
    expect(() =>
      spec
        .given([{ type: 'Sold' }, { type: 'Sold' }])
        .when('Buy')
        .thenThrows({ code: 'OTHER' }),
    ).toThrow();
  });
});
