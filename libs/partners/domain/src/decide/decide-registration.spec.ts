import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import type { RegisterPartner } from '../commands/partner-commands';
import {
  OCCURRED_AT,
  PARTNER_ID,
  byOperator,
  byPartner,
  command,
  defaultRegistrationSettings,
  gbp,
  refusalOf,
  registered,
  decideAfter,
  weekdaysNineToFive,
} from '../testing/partner-scenario';

function register(
  data: Partial<Omit<RegisterPartner['data'], 'partnerId'>> = {},
  metadata = byOperator(),
): RegisterPartner {
  return command(
    'RegisterPartner',
    {
      name: 'Acme Leads',
      currency: 'GBP',
      partnerType: { introducer: false, partner: true, leadValue: gbp(2500) },
      ...data,
    },
    metadata,
  );
}

describe(decidePartner.name, () => {
  describe('RegisterPartner', () => {
    it('registers a partner with defaults for every omitted setting', () => {
      const when = register();

      expect(decideAfter([], when)).toEqual([
        {
          type: 'PartnerRegistered',
          data: {
            partnerId: PARTNER_ID,
            name: 'Acme Leads',
            currency: 'GBP',
            registeredAt: OCCURRED_AT,
            settings: defaultRegistrationSettings(),
          },
        },
      ]);
    });

    it('registers a partner with every setting given', () => {
      const when = register({
        name: '  Acme Leads  ',
        partnerType: { introducer: true, partner: true, leadCost: gbp(900), leadValue: gbp(2500) },
        portalAccess: {
          level: 'leads-and-reports',
          requireReferralAcceptance: true,
          mayUpdateLeadStatus: true,
        },
        portalLogin: { email: 'ops@acme.example', method: 'invitation' },
        payment: { mode: 'post-pay', creditLimit: gbp(50_000) },
        billingPoint: 'acceptance',
        delivery: {
          email: true,
          internet: { method: 'json', url: 'https://api.acme.example/leads', bodyTemplate: '{}' },
        },
        limits: { daily: 5, monthly: 100 },
        schedule: weekdaysNineToFive('Europe/London'),
        contact: { phone: '+447700900123', email: 'ops@acme.example' },
        textAlerts: { onReferral: true, onLowFunds: true },
        lowFundsThreshold: gbp(10_000),
      });

      expect(decideAfter([], when)).toEqual([
        {
          type: 'PartnerRegistered',
          data: {
            partnerId: PARTNER_ID,
            name: 'Acme Leads',
            currency: 'GBP',
            registeredAt: OCCURRED_AT,
            settings: {
              partnerType: {
                introducer: true,
                partner: true,
                leadCost: gbp(900),
                leadValue: gbp(2500),
              },
              portalAccess: {
                level: 'leads-and-reports',
                requireReferralAcceptance: true,
                mayUpdateLeadStatus: true,
              },
              portalLogin: {
                email: 'ops@acme.example',
                method: 'invitation',
                createdAt: OCCURRED_AT,
              },
              payment: { mode: 'post-pay', creditLimit: gbp(50_000) },
              billingPoint: 'acceptance',
              delivery: {
                email: true,
                internet: {
                  method: 'json',
                  url: 'https://api.acme.example/leads',
                  bodyTemplate: '{}',
                  headers: {},
                },
              },
              limits: { daily: 5, monthly: 100 },
              schedule: weekdaysNineToFive('Europe/London'),
              contact: { phone: '+447700900123', email: 'ops@acme.example', transferPhone: null },
              textAlerts: { onReferral: true, onLowFunds: true },
              lowFundsThreshold: gbp(10_000),
            },
          },
        },
      ]);
    });

    it('never records a password that came along with the portal login', () => {
      const login = { email: 'ops@acme.example', method: 'password', password: 'hunter2' } as const;
      const when = register({ portalLogin: login });

      expect(JSON.stringify(decideAfter([], when))).not.toContain('hunter2');
    });

    it('refuses to register a partner twice', () => {
      const given = [registered()];
      const when = register();

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.PARTNER_ALREADY_REGISTERED,
      });
    });

    it('refuses a partner that is neither an introducer nor a partner', () => {
      const when = register({ partnerType: { introducer: false, partner: false } });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.PARTNER_TYPE_REQUIRED,
        field: 'partnerType',
      });
    });

    it('refuses an introducer without a lead cost', () => {
      const when = register({ partnerType: { introducer: true, partner: false } });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.LEAD_COST_REQUIRED,
        field: 'partnerType.leadCost',
      });
    });

    it('refuses a partner without a lead value', () => {
      const when = register({ partnerType: { introducer: false, partner: true } });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.LEAD_VALUE_REQUIRED,
        field: 'partnerType.leadValue',
      });
    });

    it('refuses a lead value for an introducer that buys nothing', () => {
      const when = register({
        partnerType: { introducer: true, partner: false, leadCost: gbp(900), leadValue: gbp(2500) },
      });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.LEAD_VALUE_ONLY_FOR_PARTNERS,
        field: 'partnerType.leadValue',
      });
    });

    it('refuses a lead cost for a partner that introduces nothing', () => {
      const when = register({
        partnerType: { introducer: false, partner: true, leadCost: gbp(900), leadValue: gbp(2500) },
      });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.LEAD_COST_ONLY_FOR_INTRODUCERS,
        field: 'partnerType.leadCost',
      });
    });

    it.each(['XYZ', 'gbp', 'POUND'])('refuses the currency %p', (currency) => {
      const when = register({ currency });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_CURRENCY,
        field: 'currency',
      });
    });

    it('refuses money in a currency other than the partner’s', () => {
      const when = register({ lowFundsThreshold: { amount: 1000, currency: 'EUR' } });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.CURRENCY_MISMATCH,
        field: 'lowFundsThreshold.currency',
      });
    });

    it.each([12.5, -100, Number.NaN])('refuses a lead value of %p minor units', (amount) => {
      const when = register({
        partnerType: { introducer: false, partner: true, leadValue: gbp(amount) },
      });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_MONEY,
        field: 'partnerType.leadValue.amount',
      });
    });

    it('refuses billing at acceptance when referral acceptance is not required', () => {
      const when = register({ billingPoint: 'acceptance' });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.ACCEPTANCE_BILLING_NEEDS_REFERRAL_ACCEPTANCE,
        field: 'billingPoint',
      });
    });

    it.each(['', '   ', 'Acme\nLeads'])('refuses the name %p', (name) => {
      const when = register({ name });

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_NAME,
        field: 'name',
      });
    });

    it('refuses a partner id unfit for a stream name', () => {
      const when = { ...register(), data: { ...register().data, partnerId: 'acme/../leads' } };

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_PARTNER_ID,
        field: 'partnerId',
      });
    });

    it('refuses a registration by a partner', () => {
      const when = register({}, byPartner());

      expect(refusalOf([], when)).toMatchObject({ code: PartnerErrorCode.ACTOR_NOT_ALLOWED });
    });

    it('refuses a registration whose time is not an ISO 8601 instant', () => {
      const when = register({}, byOperator({ occurredAt: '2026-03-02 09:00' }));

      expect(refusalOf([], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_METADATA,
        field: 'metadata.occurredAt',
      });
    });
  });
});
