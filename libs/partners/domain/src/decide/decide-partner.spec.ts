import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import type { PartnerCommand } from '../commands/partner-commands';
import type { ActorType } from '../model/command-metadata';
import {
  LEAD_TYPE_CATALOGUE,
  OCCURRED_AT,
  byOperator,
  command,
  decideAfter,
  event,
  gbp,
  refusalOf,
  registered,
  weekdaysNineToFive,
} from '../testing/partner-scenario';

type ChangeType = Exclude<PartnerCommand['type'], 'RegisterPartner'>;

// A mapped type, so a new command type fails to compile here until it has a sample.
const samples: { [T in ChangeType]: Extract<PartnerCommand, { type: T }> } = {
  RenamePartner: command('RenamePartner', { name: 'Acme' }),
  ChangePartnerType: command('ChangePartnerType', {
    partnerType: { introducer: true, partner: false, leadCost: gbp(1) },
  }),
  SetLeadCost: command('SetLeadCost', { leadCost: gbp(1) }),
  SetLeadValue: command('SetLeadValue', { leadValue: gbp(1) }),
  SetPortalAccess: command('SetPortalAccess', {
    portalAccess: {
      level: 'leads-only',
      requireReferralAcceptance: true,
      mayUpdateLeadStatus: true,
    },
  }),
  RecordPortalLogin: command('RecordPortalLogin', {
    portalLogin: { email: 'ops@acme.example', method: 'password' },
  }),
  SetPaymentMode: command('SetPaymentMode', { payment: { mode: 'post-pay', creditLimit: gbp(1) } }),
  SetBillingPoint: command('SetBillingPoint', { billingPoint: 'conversion' }),
  ConfigureDelivery: command('ConfigureDelivery', { delivery: { email: true, internet: null } }),
  SetDeliveryLimits: command('SetDeliveryLimits', { limits: { daily: 1, monthly: 1 } }),
  SetDeliverySchedule: command('SetDeliverySchedule', {
    schedule: weekdaysNineToFive('Europe/London'),
  }),
  SetContactDetails: command('SetContactDetails', {
    contact: { phone: null, email: 'ops@acme.example', transferPhone: null },
  }),
  SetTextAlerts: command('SetTextAlerts', { textAlerts: { onReferral: true, onLowFunds: true } }),
  SetLowFundsThreshold: command('SetLowFundsThreshold', { lowFundsThreshold: gbp(1) }),
  SetLeadTypesBought: command('SetLeadTypesBought', {
    leadTypes: [{ leadType: 'mortgage' }],
    catalogue: LEAD_TYPE_CATALOGUE,
  }),
  SetSelectionPriority: command('SetSelectionPriority', { selectionPriority: 80 }),
  PauseDeliveries: command('PauseDeliveries', {}),
  ResumeDeliveries: command('ResumeDeliveries', {}),
  DeactivatePartner: command('DeactivatePartner', { reason: 'Unpaid invoices' }),
  ReactivatePartner: command('ReactivatePartner', {}),
};

const allChanges = Object.values(samples);
const settingChanges = allChanges.filter(
  (sample) => sample.type !== 'DeactivatePartner' && sample.type !== 'ReactivatePartner',
);
const deactivated = event('PartnerDeactivated', {
  reason: 'Unpaid invoices',
  deactivatedAt: OCCURRED_AT,
});

describe(decidePartner.name, () => {
  describe('any command but RegisterPartner', () => {
    it.each(allChanges.map((sample) => [sample.type, sample] as const))(
      'refuses %s for a partner that is not registered',
      (_type, when) => {
        expect(refusalOf([], when)).toMatchObject({
          code: PartnerErrorCode.PARTNER_NOT_REGISTERED,
        });
      },
    );

    it.each(settingChanges.map((sample) => [sample.type, sample] as const))(
      'refuses %s for an inactive partner',
      (_type, when) => {
        expect(refusalOf([registered(), deactivated], when)).toMatchObject({
          code: PartnerErrorCode.PARTNER_INACTIVE,
        });
      },
    );

    it.each(allChanges.map((sample) => [sample.type, sample] as const))(
      "refuses %s sent to another partner's stream",
      (_type, sample) => {
        // Spreading a union loses which data goes with which type: the cast restores it.
        const when = {
          ...sample,
          data: { ...sample.data, partnerId: 'rival-leads' },
        } as PartnerCommand;

        expect(refusalOf([registered()], when)).toMatchObject({
          code: PartnerErrorCode.PARTNER_ID_MISMATCH,
          field: 'partnerId',
        });
      },
    );

    it('refuses an unknown kind of actor', () => {
      const actor = { type: 'robot' as ActorType, id: 'r2' };
      const when = command('RenamePartner', { name: 'Acme' }, byOperator({ actor }));

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_OPTION,
        field: 'metadata.actor.type',
      });
    });

    it('refuses an actor without an id', () => {
      const actor = { type: 'operator' as const, id: ' ' };
      const when = command('RenamePartner', { name: 'Acme' }, byOperator({ actor }));

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_METADATA,
        field: 'metadata.actor.id',
      });
    });

    it.each(['yesterday', '2026-03-02T09:00:00', '2026-02-30T09:00:00Z'])(
      'refuses the time %p, which is not a zoned instant',
      (occurredAt) => {
        const when = command('RenamePartner', { name: 'Acme' }, byOperator({ occurredAt }));

        expect(refusalOf([registered()], when)).toMatchObject({
          code: PartnerErrorCode.INVALID_METADATA,
          field: 'metadata.occurredAt',
        });
      },
    );
  });

  describe('DeactivatePartner', () => {
    it('deactivates the partner with the reason given', () => {
      const given = [registered()];
      const when = command('DeactivatePartner', { reason: ' Unpaid invoices ' });

      expect(decideAfter(given, when)).toEqual([deactivated]);
    });

    it('decides nothing for a partner that is already inactive', () => {
      const given = [registered(), deactivated];
      const when = command('DeactivatePartner', { reason: 'Still unpaid' });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses a deactivation without a reason', () => {
      const given = [registered()];
      const when = command('DeactivatePartner', { reason: '  ' });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.REASON_REQUIRED,
        field: 'reason',
      });
    });
  });

  describe('ReactivatePartner', () => {
    it('reactivates an inactive partner', () => {
      const given = [registered(), deactivated];
      const when = command('ReactivatePartner', {});

      expect(decideAfter(given, when)).toEqual([event('PartnerReactivated', {})]);
    });

    it('decides nothing for a partner that is active', () => {
      const given = [registered()];
      const when = command('ReactivatePartner', {});

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('accepts changes again once the partner is reactivated', () => {
      const given = [registered(), deactivated, event('PartnerReactivated', {})];
      const when = command('SetLeadValue', { leadValue: gbp(3000) });

      expect(decideAfter(given, when)).toEqual([event('LeadValueSet', { leadValue: gbp(3000) })]);
    });
  });
});
