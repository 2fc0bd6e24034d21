import { routingPartner } from '../testing/routing-fixtures';
import { assumedFunds } from './funds-view';

const PARTNER = '11111111-1111-4111-8111-111111111111';

describe(assumedFunds.name, () => {
  it('lets a post-pay partner use its whole credit limit until billing publishes its account', () => {
    expect(assumedFunds(routingPartner(PARTNER))).toEqual({
      balance: { amount: 0, currency: 'GBP' },
      revision: 0,
    });
  });

  it('knows no funds for a pre-pay partner until billing publishes its balance', () => {
    const partner = routingPartner(PARTNER, { payment: { mode: 'pre-pay', creditLimit: null } });
    expect(assumedFunds(partner)).toBeNull();
  });
});
