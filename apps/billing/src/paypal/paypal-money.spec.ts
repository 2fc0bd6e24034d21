import fc from 'fast-check';
import { fromPaypalMoney, toPaypalMoney } from './paypal-money';

describe("LeadRail's minor units and PayPal's decimal strings", () => {
  it.each([
    [{ amount: 1234, currency: 'GBP' }, '12.34'],
    [{ amount: 1, currency: 'GBP' }, '0.01'],
    [{ amount: 10, currency: 'EUR' }, '0.10'],
    [{ amount: 100, currency: 'USD' }, '1.00'],
    [{ amount: Number.MAX_SAFE_INTEGER, currency: 'GBP' }, '90071992547409.91'],
    [{ amount: 1, currency: 'JPY' }, '1'],
    [{ amount: 125_000, currency: 'JPY' }, '125000'],
    [{ amount: 150_000, currency: 'HUF' }, '1500'],
    [{ amount: 9_900, currency: 'TWD' }, '99'],
  ])('send %o to PayPal as %s', (money, value) => {
    expect(toPaypalMoney(money)).toEqual({ currency_code: money.currency, value });
  });

  it.each([
    [{ amount: 0, currency: 'GBP' }, 'amount', 'positive whole number'],
    [{ amount: -500, currency: 'GBP' }, 'amount', 'positive whole number'],
    [{ amount: 12.5, currency: 'GBP' }, 'amount', 'positive whole number'],
    [{ amount: 2 ** 53, currency: 'GBP' }, 'amount', 'positive whole number'],
    [{ amount: 150_050, currency: 'HUF' }, 'amount', 'multiple of 100 minor units'],
    [{ amount: 1_000, currency: 'KRW' }, 'currency', 'does not take payments in KRW'],
  ])('refuse %o, naming the %s', (money, field, message) => {
    expect(toPaypalMoney(money)).toEqual({
      field,
      message: expect.stringContaining(message) as unknown,
    });
  });

  it.each([
    ['12.34', 'GBP', 1234],
    ['12.3', 'GBP', 1230],
    ['12', 'GBP', 1200],
    ['0.01', 'GBP', 1],
    ['1000', 'JPY', 1000],
    ['1500', 'HUF', 150_000],
    ['90071992547409.91', 'GBP', Number.MAX_SAFE_INTEGER],
  ])("read PayPal's %s %s as %d minor units", (value, currency, amount) => {
    expect(fromPaypalMoney({ currency_code: currency, value })).toEqual({ amount, currency });
  });

  it.each([
    ['12.345', 'GBP'],
    ['10.5', 'JPY'],
    ['-1.00', 'GBP'],
    ['1e3', 'GBP'],
    ['12.', 'GBP'],
    ['', 'GBP'],
    ['1.00', 'XTS'],
    ['90071992547409.92', 'GBP'],
  ])('refuse to read %s %s rather than round it', (value, currency) => {
    expect(fromPaypalMoney({ currency_code: currency, value })).toBeNull();
  });

  it('convert every amount there and back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('GBP', 'EUR', 'USD', 'JPY'),
        (amount, currency) => {
          const paypal = toPaypalMoney({ amount, currency });
          expect(paypal).toHaveProperty('value');
          expect(fromPaypalMoney(paypal as { currency_code: string; value: string })).toEqual({
            amount,
            currency,
          });
        },
      ),
    );
  });
});
