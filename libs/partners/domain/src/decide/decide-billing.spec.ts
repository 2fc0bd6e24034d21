import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import type { BillingPoint } from '../model/partner-settings';
import {
  command,
  decideAfter,
  event,
  gbp,
  refusalOf,
  registered,
} from '../testing/partner-scenario';

describe(decidePartner.name, () => {
  describe('SetPaymentMode', () => {
    it('makes a partner post-pay with a credit limit', () => {
      const given = [registered()];
      const when = command('SetPaymentMode', {
        payment: { mode: 'post-pay', creditLimit: gbp(100_000) },
      });

      expect(decideAfter(given, when)).toEqual([
        event('PaymentModeChanged', { payment: { mode: 'post-pay', creditLimit: gbp(100_000) } }),
      ]);
    });

    it('makes a post-pay partner pre-pay again, without a credit limit', () => {
      const given = [registered({ payment: { mode: 'post-pay', creditLimit: gbp(100_000) } })];
      const when = command('SetPaymentMode', { payment: { mode: 'pre-pay' } });

      expect(decideAfter(given, when)).toEqual([
        event('PaymentModeChanged', { payment: { mode: 'pre-pay' } }),
      ]);
    });

    it('decides nothing when the mode and limit stay the same', () => {
      const given = [registered({ payment: { mode: 'post-pay', creditLimit: gbp(100_000) } })];
      const when = command('SetPaymentMode', {
        payment: { mode: 'post-pay', creditLimit: gbp(100_000) },
      });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses post-pay without a credit limit', () => {
      const given = [registered()];
      const when = command('SetPaymentMode', { payment: { mode: 'post-pay' } });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.CREDIT_LIMIT_REQUIRED,
        field: 'payment.creditLimit',
      });
    });

    it('refuses a credit limit for a pre-pay partner', () => {
      const given = [registered()];
      const when = command('SetPaymentMode', {
        payment: { mode: 'pre-pay', creditLimit: gbp(100_000) },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.CREDIT_LIMIT_ONLY_FOR_POST_PAY,
        field: 'payment.creditLimit',
      });
    });

    it('refuses a credit limit of zero', () => {
      const given = [registered()];
      const when = command('SetPaymentMode', {
        payment: { mode: 'post-pay', creditLimit: gbp(0) },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_MONEY,
        field: 'payment.creditLimit.amount',
      });
    });

    it('refuses a credit limit in another currency', () => {
      const given = [registered()];
      const when = command('SetPaymentMode', {
        payment: { mode: 'post-pay', creditLimit: { amount: 100_000, currency: 'USD' } },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.CURRENCY_MISMATCH,
        field: 'payment.creditLimit.currency',
      });
    });
  });

  describe('SetBillingPoint', () => {
    it.each(['qualification', 'conversion'] as const)('bills the partner at %s', (billingPoint) => {
      const given = [registered()];
      const when = command('SetBillingPoint', { billingPoint });

      expect(decideAfter(given, when)).toEqual([event('BillingPointChanged', { billingPoint })]);
    });

    it('bills at acceptance a partner that must accept referrals', () => {
      const given = [
        registered({
          portalAccess: {
            level: 'leads-only',
            requireReferralAcceptance: true,
            mayUpdateLeadStatus: false,
          },
        }),
      ];
      const when = command('SetBillingPoint', { billingPoint: 'acceptance' });

      expect(decideAfter(given, when)).toEqual([
        event('BillingPointChanged', { billingPoint: 'acceptance' }),
      ]);
    });

    it('decides nothing when the billing point stays the same', () => {
      const given = [registered()];
      const when = command('SetBillingPoint', { billingPoint: 'delivery' });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses billing at acceptance when the partner need not accept referrals', () => {
      const given = [registered()];
      const when = command('SetBillingPoint', { billingPoint: 'acceptance' });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.ACCEPTANCE_BILLING_NEEDS_REFERRAL_ACCEPTANCE,
        field: 'billingPoint',
      });
    });

    it('refuses an unknown billing point', () => {
      const given = [registered()];
      const when = command('SetBillingPoint', { billingPoint: 'payday' as BillingPoint });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_OPTION,
        field: 'billingPoint',
      });
    });
  });

  describe('SetLowFundsThreshold', () => {
    it('sets the balance at which the low-funds alert fires', () => {
      const given = [registered()];
      const when = command('SetLowFundsThreshold', { lowFundsThreshold: gbp(5000) });

      expect(decideAfter(given, when)).toEqual([
        event('LowFundsThresholdChanged', { lowFundsThreshold: gbp(5000) }),
      ]);
    });

    it('decides nothing when the threshold stays the same', () => {
      const given = [registered({ lowFundsThreshold: gbp(5000) })];
      const when = command('SetLowFundsThreshold', { lowFundsThreshold: gbp(5000) });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses a negative threshold', () => {
      const given = [registered()];
      const when = command('SetLowFundsThreshold', { lowFundsThreshold: gbp(-1) });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_MONEY,
        field: 'lowFundsThreshold.amount',
      });
    });

    it('refuses a threshold in another currency', () => {
      const given = [registered()];
      const when = command('SetLowFundsThreshold', {
        lowFundsThreshold: { amount: 5000, currency: 'EUR' },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.CURRENCY_MISMATCH,
        field: 'lowFundsThreshold.currency',
      });
    });
  });
});
