import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import {
  command,
  decideAfter,
  event,
  gbp,
  refusalOf,
  registered,
  registeredAsBoth,
} from '../testing/partner-scenario';

describe(decidePartner.name, () => {
  describe('RenamePartner', () => {
    it('renames the partner', () => {
      const given = [registered()];
      const when = command('RenamePartner', { name: 'Acme Leads Ltd' });

      expect(decideAfter(given, when)).toEqual([
        event('PartnerRenamed', { name: 'Acme Leads Ltd' }),
      ]);
    });

    it('decides nothing when the name stays the same', () => {
      const given = [registered()];
      const when = command('RenamePartner', { name: ' Acme Leads ' });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses an empty name', () => {
      const given = [registered()];
      const when = command('RenamePartner', { name: '' });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_NAME,
        field: 'name',
      });
    });
  });

  describe('ChangePartnerType', () => {
    it('makes a partner an introducer too, with its lead cost, keeping its lead value', () => {
      const given = [registered()];
      const when = command('ChangePartnerType', {
        partnerType: { introducer: true, partner: true, leadCost: gbp(900) },
      });

      expect(decideAfter(given, when)).toEqual([
        event('PartnerTypeChanged', {
          partnerType: {
            introducer: true,
            partner: true,
            leadCost: gbp(900),
            leadValue: gbp(2500),
          },
        }),
      ]);
    });

    it('drops the lead value of a role the partner no longer has', () => {
      const given = [registeredAsBoth()];
      const when = command('ChangePartnerType', {
        partnerType: { introducer: true, partner: false },
      });

      expect(decideAfter(given, when)).toEqual([
        event('PartnerTypeChanged', {
          partnerType: { introducer: true, partner: false, leadCost: gbp(1000), leadValue: null },
        }),
      ]);
    });

    it('decides nothing when the type and prices stay the same', () => {
      const given = [registeredAsBoth()];
      const when = command('ChangePartnerType', {
        partnerType: { introducer: true, partner: true, leadCost: gbp(1000) },
      });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses to make a partner an introducer without a lead cost', () => {
      const given = [registered()];
      const when = command('ChangePartnerType', {
        partnerType: { introducer: true, partner: true },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.LEAD_COST_REQUIRED,
        field: 'partnerType.leadCost',
      });
    });

    it('refuses to make an introducer a partner without a lead value', () => {
      const given = [
        registered({
          partnerType: { introducer: true, partner: false, leadCost: gbp(900), leadValue: null },
        }),
      ];
      const when = command('ChangePartnerType', {
        partnerType: { introducer: true, partner: true },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.LEAD_VALUE_REQUIRED,
        field: 'partnerType.leadValue',
      });
    });

    it('refuses to take away both roles', () => {
      const given = [registeredAsBoth()];
      const when = command('ChangePartnerType', {
        partnerType: { introducer: false, partner: false },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.PARTNER_TYPE_REQUIRED,
        field: 'partnerType',
      });
    });

    it('refuses a lead cost in another currency', () => {
      const given = [registered()];
      const when = command('ChangePartnerType', {
        partnerType: {
          introducer: true,
          partner: true,
          leadCost: { amount: 900, currency: 'USD' },
        },
      });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.CURRENCY_MISMATCH,
        field: 'partnerType.leadCost.currency',
      });
    });
  });

  describe('SetLeadCost', () => {
    it('sets what the operator pays an introducer', () => {
      const given = [registeredAsBoth()];
      const when = command('SetLeadCost', { leadCost: gbp(1250) });

      expect(decideAfter(given, when)).toEqual([event('LeadCostSet', { leadCost: gbp(1250) })]);
    });

    it('decides nothing when the lead cost stays the same', () => {
      const given = [registeredAsBoth()];
      const when = command('SetLeadCost', { leadCost: gbp(1000) });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses a lead cost for a partner that is not an introducer', () => {
      const given = [registered()];
      const when = command('SetLeadCost', { leadCost: gbp(1250) });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.LEAD_COST_ONLY_FOR_INTRODUCERS,
        field: 'leadCost',
      });
    });

    it('refuses a lead cost in another currency', () => {
      const given = [registeredAsBoth()];
      const when = command('SetLeadCost', { leadCost: { amount: 1250, currency: 'EUR' } });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.CURRENCY_MISMATCH,
        field: 'leadCost.currency',
      });
    });
  });

  describe('SetLeadValue', () => {
    it('sets what a lead is sold to the partner for', () => {
      const given = [registered()];
      const when = command('SetLeadValue', { leadValue: gbp(3000) });

      expect(decideAfter(given, when)).toEqual([event('LeadValueSet', { leadValue: gbp(3000) })]);
    });

    it('decides nothing when the lead value stays the same', () => {
      const given = [registered()];
      const when = command('SetLeadValue', { leadValue: gbp(2500) });

      expect(decideAfter(given, when)).toEqual([]);
    });

    it('refuses a lead value for an introducer that buys no leads', () => {
      const given = [
        registered({
          partnerType: { introducer: true, partner: false, leadCost: gbp(900), leadValue: null },
        }),
      ];
      const when = command('SetLeadValue', { leadValue: gbp(3000) });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.LEAD_VALUE_ONLY_FOR_PARTNERS,
        field: 'leadValue',
      });
    });

    it('refuses a lead value in fractions of a penny', () => {
      const given = [registered()];
      const when = command('SetLeadValue', { leadValue: gbp(29.99) });

      expect(refusalOf(given, when)).toMatchObject({
        code: PartnerErrorCode.INVALID_MONEY,
        field: 'leadValue.amount',
      });
    });
  });
});
