import { deciderSpecification } from '@leadrail/decider-testing';
import type { AccountCommand, BillingActor } from './account-commands';
import type { AccountEvent } from './account-events';
import { accountAggregate } from './account-aggregate';
import { accountAt } from './account-at';
import type { AccountTerms } from './account-terms';
import { BillingErrorCode } from './billing-error';

const PARTNER = '5d5b3ca9-467b-42e6-83f3-f0d8a37de243';
const LEAD = '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10';
const OPERATOR: BillingActor = { type: 'operator', id: 'ops-jane' };
const gbp = (amount: number) => ({ amount, currency: 'GBP' });

const PRE_PAY: AccountTerms = { mode: 'pre-pay', creditLimit: null, lowFundsThreshold: gbp(2500) };
const POST_PAY: AccountTerms = {
  mode: 'post-pay',
  creditLimit: gbp(10_000),
  lowFundsThreshold: gbp(2500),
};

const spec = deciderSpecification(accountAggregate);

/** Runs commands one after another, each on the state the previous left: the whole log. */
function history(commands: AccountCommand[]): AccountEvent[] {
  const log: AccountEvent[] = [];
  let state = accountAggregate.initialState();
  for (const command of commands) {
    const events = accountAggregate.decide(command, state);
    log.push(...events);
    state = events.reduce(accountAggregate.evolve, state);
  }
  return log;
}

function pay(amount: number, at = '2026-11-25T08:00:00.000Z', terms = PRE_PAY): AccountCommand {
  return {
    type: 'CreditAccount',
    data: {
      partnerId: PARTNER,
      terms,
      kind: 'payment',
      amount: gbp(amount),
      reference: `pay-${amount}-${at}`,
      reason: null,
      actor: OPERATOR,
    },
    at,
  };
}

function charge(
  amount: number,
  leadId = LEAD,
  at = '2026-11-25T09:00:00.000Z',
  terms = PRE_PAY,
): AccountCommand {
  return {
    type: 'ChargeLead',
    data: { partnerId: PARTNER, terms, leadId, amount: gbp(amount), billingPoint: 'delivery' },
    at,
  };
}

const types = (events: AccountEvent[]) => events.map((event) => event.type);

describe('the partner account', () => {
  it('charges a lead with the balance and account version after it', () => {
    spec
      .given(history([pay(10_000)]))
      .when(charge(2500))
      .then([
        {
          type: 'PartnerCharged',
          data: {
            partnerId: PARTNER,
            accountVersion: 2,
            balanceAfter: gbp(7500),
            recordedAt: '2026-11-25T09:00:00.000Z',
            leadId: LEAD,
            amount: gbp(2500),
            billingPoint: 'delivery',
          },
        },
      ]);
  });

  it('refuses an amount in another currency, fractional or not above zero', () => {
    spec
      .given(history([pay(10_000)]))
      .when({
        ...charge(2500),
        data: { ...charge(2500).data, amount: { amount: 2500, currency: 'EUR' } },
      } as AccountCommand)
      .thenThrows({ code: BillingErrorCode.WRONG_CURRENCY, field: 'amount.currency' });
    spec
      .given(history([pay(10_000)]))
      .when(pay(12.5))
      .thenThrows({ code: BillingErrorCode.INVALID_AMOUNT, field: 'amount.amount' });
    spec
      .given(history([pay(10_000)]))
      .when(pay(0))
      .thenThrows({ code: BillingErrorCode.INVALID_AMOUNT });
    spec
      .given(history([pay(10_000)]))
      .when(pay(-100))
      .thenThrows({ code: BillingErrorCode.INVALID_AMOUNT });
  });

  it('keeps a new account in its terms currency', () => {
    spec
      .given([])
      .when({
        ...pay(100),
        data: { ...pay(100).data, amount: { amount: 100, currency: 'USD' } },
      } as AccountCommand)
      .thenThrows({ code: BillingErrorCode.WRONG_CURRENCY });
  });

  it('raises one low-funds alert per crossing and re-arms on a payment that lifts it', () => {
    const log = history([
      pay(10_000),
      charge(2500, 'a'), // 75.00: above 25.00
      charge(5000, 'b'), // 25.00: at the threshold, crosses
      charge(1000, 'c'), // 15.00: stays below, no second alert
      pay(5000, '2026-11-25T10:00:00.000Z'), // 65.00: restored
      charge(5000, 'd'), // 15.00: crosses again
    ]);
    expect(types(log)).toEqual([
      'PartnerAccountCredited',
      'PartnerCharged',
      'PartnerCharged',
      'PartnerFundsLow',
      'PartnerCharged',
      'PartnerAccountCredited',
      'PartnerFundsRestored',
      'PartnerCharged',
      'PartnerFundsLow',
    ]);
    expect(log[3]).toMatchObject({
      type: 'PartnerFundsLow',
      data: {
        accountVersion: 3,
        available: gbp(2500),
        threshold: gbp(2500),
        paymentMode: 'pre-pay',
      },
    });
  });

  it('counts a post-pay partner’s credit as available funds', () => {
    const log = history([
      charge(5000, 'a', undefined, POST_PAY), // -50.00 of 100.00 credit: 50.00 left
      charge(3000, 'b', undefined, POST_PAY), // 20.00 left: low
    ]);
    expect(types(log)).toEqual(['PartnerCharged', 'PartnerCharged', 'PartnerFundsLow']);
    expect(log[1]).toMatchObject({ data: { balanceAfter: gbp(-8000) } });
    expect(log[2]).toMatchObject({ data: { available: gbp(2000), balance: gbp(-8000) } });
  });

  it('re-examines the alert when only the terms change', () => {
    const log = history([pay(10_000)]);
    const state = log.reduce(accountAggregate.evolve, accountAggregate.initialState());
    const decided = accountAggregate.decide(
      {
        type: 'ReviewFundsAlert',
        data: { partnerId: PARTNER, terms: { ...PRE_PAY, lowFundsThreshold: gbp(20_000) } },
        at: '2026-11-25T11:00:00.000Z',
      },
      state,
    );
    expect(decided).toMatchObject([
      { type: 'PartnerFundsLow', data: { accountVersion: 1, available: gbp(10_000) } },
    ]);
    spec
      .given([])
      .when({
        type: 'ReviewFundsAlert',
        data: { partnerId: PARTNER, terms: PRE_PAY },
        at: '2026-11-25T11:00:00.000Z',
      })
      .then([]);
  });

  it('reverses a charge it holds with the reason and actor, and refuses one it does not', () => {
    spec
      .given(history([pay(10_000), charge(2500)]))
      .when({
        type: 'ReverseCharge',
        data: {
          partnerId: PARTNER,
          terms: PRE_PAY,
          leadId: LEAD,
          charge: { amount: gbp(2500) },
          reason: 'return accepted',
          actor: OPERATOR,
        },
        at: '2026-11-26T09:00:00.000Z',
      })
      .then([
        {
          type: 'PartnerAccountCredited',
          data: {
            partnerId: PARTNER,
            accountVersion: 3,
            balanceAfter: gbp(10_000),
            recordedAt: '2026-11-26T09:00:00.000Z',
            kind: 'charge-reversal',
            amount: gbp(2500),
            leadId: LEAD,
            reference: null,
            reason: 'return accepted',
            actor: OPERATOR,
          },
        },
      ]);
    spec
      .given(history([pay(10_000), charge(2500)]))
      .when({
        type: 'ReverseCharge',
        data: {
          partnerId: PARTNER,
          terms: PRE_PAY,
          leadId: LEAD,
          charge: null,
          reason: 'x',
          actor: OPERATOR,
        },
        at: '2026-11-26T09:00:00.000Z',
      })
      .thenThrows({ code: BillingErrorCode.NO_SUCH_CHARGE, field: 'leadId' });
  });

  it('needs a reason for an adjustment or a debit', () => {
    spec
      .given(history([pay(10_000)]))
      .when({
        type: 'DebitAccount',
        data: {
          partnerId: PARTNER,
          terms: PRE_PAY,
          kind: 'adjustment',
          amount: gbp(100),
          reference: null,
          reason: '  ',
          actor: OPERATOR,
        },
        at: '2026-11-26T09:00:00.000Z',
      })
      .thenThrows({ code: BillingErrorCode.INVALID_COMMAND, field: 'reason' });
  });

  it('answers the balance as of any instant from the log, the same as the fold up to it', () => {
    const log = history([
      pay(10_000, '2026-11-25T08:00:00.000Z'),
      charge(2500, 'a', '2026-11-25T09:00:00.000Z'),
      charge(2500, 'b', '2026-11-25T10:00:00.000Z'),
    ]);
    expect(accountAt(log, '2026-11-25T07:59:59.999Z')).toMatchObject({ balance: 0, version: 0 });
    expect(accountAt(log, '2026-11-25T09:00:00.000Z')).toMatchObject({ balance: 7500, version: 2 });
    expect(accountAt(log, '2026-11-25T09:30:00.000Z')).toMatchObject({ balance: 7500, version: 2 });
    expect(accountAt(log, '2026-12-01T00:00:00.000Z')).toMatchObject({ balance: 5000, version: 3 });
  });
});
