import { routingPartner } from '../testing/routing-fixtures';
import { fundsBefore } from './funds-view';

const PARTNER = '11111111-1111-4111-8111-111111111111';

describe(fundsBefore.name, () => {
  it('lets a post-pay partner use its whole credit limit while its account has not moved', () => {
    expect(fundsBefore(routingPartner(PARTNER))).toEqual({
      balance: { amount: 0, currency: 'GBP' },
      revision: 0,
    });
  });

  it('knows no funds for a pre-pay partner until a payment moves its account', () => {
    const partner = routingPartner(PARTNER, { payment: { mode: 'pre-pay', creditLimit: null } });
    expect(fundsBefore(partner)).toBeNull();
  });
});
