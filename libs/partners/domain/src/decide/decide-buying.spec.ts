import { decidePartner } from './decide-partner';
import { PartnerErrorCode } from '../errors/partner-error';
import type { LeadTypeBoughtInput } from '../commands/partner-command-inputs';
import type { KnownLeadType } from '../model/lead-buying';
import {
  LEAD_TYPE_CATALOGUE,
  command,
  decideAfter,
  event,
  gbp,
  refusalOf,
  registered,
  registeredAsBoth,
  stateAfter,
} from '../testing/partner-scenario';

function buying(
  leadTypes: LeadTypeBoughtInput[],
  catalogue: readonly KnownLeadType[] = LEAD_TYPE_CATALOGUE,
) {
  return command('SetLeadTypesBought', { leadTypes, catalogue });
}

const mortgageInLondon = {
  leadType: 'mortgage',
  postcodes: ['SW', 'EC1A'],
  criteria: [
    { field: 'property_value', operator: 'gte' as const, value: 250_000 },
    { field: 'first_time_buyer', operator: 'eq' as const, value: true },
    { field: 'employment', operator: 'in' as const, value: ['employed', 'self_employed'] },
  ],
  leadValue: gbp(4000),
};

describe(decidePartner.name, () => {
  describe('a new partner', () => {
    it('buys nothing and has the middle selection priority until they are set', () => {
      expect(stateAfter([registered()])).toMatchObject({
        settings: { leadTypesBought: [], selectionPriority: 50 },
      });
    });
  });

  describe('SetLeadTypesBought', () => {
    it('records the whole list, narrowed by postcodes and criteria, with a Lead Value override', () => {
      const given = [registered()];
      const when = buying([mortgageInLondon, { leadType: 'home-insurance' }]);

      expect(decideAfter(given, when)).toEqual([
        event('LeadTypesBoughtChanged', {
          leadTypes: [
            mortgageInLondon,
            { leadType: 'home-insurance', postcodes: [], criteria: [], leadValue: null },
          ],
        }),
      ]);
    });

    it('upper-cases and trims postcode areas and districts, keeping each once', () => {
      const given = [registered()];
      const when = buying([{ leadType: 'mortgage', postcodes: [' sw1a ', 'b10', 'SW1A', 'e1w'] }]);

      expect(decideAfter(given, when)).toEqual([
        event('LeadTypesBoughtChanged', {
          leadTypes: [
            {
              leadType: 'mortgage',
              postcodes: ['SW1A', 'B10', 'E1W'],
              criteria: [],
              leadValue: null,
            },
          ],
        }),
      ]);
    });

    it('shows the list in the partner’s settings, and an empty list buys nothing again', () => {
      const bought = event('LeadTypesBoughtChanged', {
        leadTypes: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null }],
      });
      expect(stateAfter([registered(), bought])).toMatchObject({
        settings: { leadTypesBought: bought.data.leadTypes },
      });
      expect(decideAfter([registered(), bought], buying([]))).toEqual([
        event('LeadTypesBoughtChanged', { leadTypes: [] }),
      ]);
    });

    it('decides nothing when the list stays the same', () => {
      const given = [
        registered(),
        event('LeadTypesBoughtChanged', {
          leadTypes: [{ leadType: 'mortgage', postcodes: ['SW'], criteria: [], leadValue: null }],
        }),
      ];

      expect(decideAfter(given, buying([{ leadType: 'mortgage', postcodes: ['sw'] }]))).toEqual([]);
    });

    it('refuses a lead type the leads service never defined, naming it', () => {
      const refusal = refusalOf(
        [registered()],
        buying([{ leadType: 'mortgage' }, { leadType: 'car-finance' }]),
      );

      expect(refusal).toMatchObject({
        code: PartnerErrorCode.UNKNOWN_LEAD_TYPE,
        field: 'leadTypes[1].leadType',
      });
      expect(refusal.message).toContain('car-finance');
    });

    it('refuses a lead type that is inactive', () => {
      expect(refusalOf([registered()], buying([{ leadType: 'equity-release' }]))).toMatchObject({
        code: PartnerErrorCode.LEAD_TYPE_INACTIVE,
        field: 'leadTypes[0].leadType',
      });
    });

    it.each([
      ['Mortgage', 'upper case'],
      ['home insurance', 'a space'],
      ['', 'nothing'],
    ])('refuses the lead type %p (%s)', (leadType) => {
      expect(refusalOf([registered()], buying([{ leadType }]))).toMatchObject({
        code: PartnerErrorCode.INVALID_LEAD_TYPE,
        field: 'leadTypes[0].leadType',
      });
    });

    it('refuses a lead type listed twice', () => {
      const when = buying([{ leadType: 'mortgage' }, { leadType: 'mortgage', postcodes: ['SW'] }]);

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_LEAD_TYPE,
        field: 'leadTypes[1].leadType',
      });
    });

    it.each([
      ['SW1A 1AA', 'a full postcode'],
      ['QQ1', 'an area that does not exist'],
      ['1SW', 'digits first'],
      ['SW1AA', 'too long a district'],
    ])('refuses the postcode %p (%s)', (postcode) => {
      const when = buying([{ leadType: 'mortgage', postcodes: ['SW', postcode] }]);

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_POSTCODE,
        field: 'leadTypes[0].postcodes[1]',
      });
    });

    it.each([
      [{ field: 'PropertyValue', operator: 'eq', value: 1 }, 'criteria[0].field'],
      [{ field: 'property value', operator: 'eq', value: 1 }, 'criteria[0].field'],
      [{ field: 'property_value', operator: 'gt', value: '250000' }, 'criteria[0].value'],
      [{ field: 'property_value', operator: 'lte', value: Number.NaN }, 'criteria[0].value'],
      [{ field: 'employment', operator: 'in', value: 'employed' }, 'criteria[0].value'],
      [{ field: 'employment', operator: 'in', value: [] }, 'criteria[0].value'],
      [{ field: 'employment', operator: 'in', value: ['a', { b: 1 }] }, 'criteria[0].value[1]'],
      [{ field: 'employment', operator: 'eq', value: ['employed'] }, 'criteria[0].value'],
      [{ field: 'employment', operator: 'eq', value: null }, 'criteria[0].value'],
    ])('refuses the criterion %j', (criterion, path) => {
      const when = buying([{ leadType: 'mortgage', criteria: [criterion as never] }]);

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_CRITERION,
        field: `leadTypes[0].${path}`,
      });
    });

    it('refuses an operator it does not know', () => {
      const criterion = { field: 'age', operator: 'like', value: 'x' };
      const when = buying([{ leadType: 'mortgage', criteria: [criterion as never] }]);

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_OPTION,
        field: 'leadTypes[0].criteria[0].operator',
      });
    });

    it('accepts any lower_snake_case answer key: each introducer asks its own questions', () => {
      const criterion = { field: 'number_of_bedrooms_2', operator: 'neq' as const, value: 'none' };
      const when = buying([{ leadType: 'mortgage', criteria: [criterion] }]);

      expect(decideAfter([registered()], when)).toHaveLength(1);
    });

    it('records a weight per lead type, leaving out the default weight of 1', () => {
      const when = buying([
        { leadType: 'mortgage', weight: 3 },
        { leadType: 'home-insurance', weight: 1 },
      ]);

      expect(decideAfter([registered()], when)).toEqual([
        event('LeadTypesBoughtChanged', {
          leadTypes: [
            { leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null, weight: 3 },
            { leadType: 'home-insurance', postcodes: [], criteria: [], leadValue: null },
          ],
        }),
      ]);
    });

    it('decides nothing for weight 1 over a list saved without weights', () => {
      const given = [
        registered(),
        event('LeadTypesBoughtChanged', {
          leadTypes: [{ leadType: 'mortgage', postcodes: [], criteria: [], leadValue: null }],
        }),
      ];

      expect(decideAfter(given, buying([{ leadType: 'mortgage', weight: 1 }]))).toEqual([]);
      expect(decideAfter(given, buying([{ leadType: 'mortgage', weight: 2 }]))).toHaveLength(1);
    });

    it.each([0, -1, 101, 2.5, Number.NaN, '3', null])('refuses the weight %p', (weight) => {
      const when = buying([
        { leadType: 'home-insurance' },
        { leadType: 'mortgage', weight } as never,
      ]);

      expect(refusalOf([registered()], when)).toMatchObject({
        code: PartnerErrorCode.INVALID_WEIGHT,
        field: 'leadTypes[1].weight',
      });
    });

    it('refuses a Lead Value override in another currency, or for a partner that does not buy', () => {
      const euros = buying([{ leadType: 'mortgage', leadValue: { amount: 100, currency: 'EUR' } }]);
      expect(refusalOf([registered()], euros)).toMatchObject({
        code: PartnerErrorCode.CURRENCY_MISMATCH,
        field: 'leadTypes[0].leadValue.currency',
      });

      const introducer = registered({
        partnerType: { introducer: true, partner: false, leadCost: gbp(500), leadValue: null },
      });
      expect(
        refusalOf([introducer], buying([{ leadType: 'mortgage', leadValue: gbp(1) }])),
      ).toMatchObject({
        code: PartnerErrorCode.LEAD_VALUE_ONLY_FOR_PARTNERS,
        field: 'leadTypes[0].leadValue',
      });
      expect(
        decideAfter([registeredAsBoth()], buying([{ leadType: 'mortgage', leadValue: gbp(1) }])),
      ).toHaveLength(1);
    });
  });

  describe('SetSelectionPriority', () => {
    it('records a new priority, and nothing when it stays the same', () => {
      expect(
        decideAfter([registered()], command('SetSelectionPriority', { selectionPriority: 90 })),
      ).toEqual([event('SelectionPriorityChanged', { selectionPriority: 90 })]);
      expect(
        decideAfter([registered()], command('SetSelectionPriority', { selectionPriority: 50 })),
      ).toEqual([]);
      expect(
        stateAfter([registered(), event('SelectionPriorityChanged', { selectionPriority: 0 })]),
      ).toMatchObject({ settings: { selectionPriority: 0 } });
    });

    it.each([-1, 101, 50.5, Number.NaN])('refuses the priority %p', (selectionPriority) => {
      expect(
        refusalOf([registered()], command('SetSelectionPriority', { selectionPriority })),
      ).toMatchObject({
        code: PartnerErrorCode.INVALID_SELECTION_PRIORITY,
        field: 'selectionPriority',
      });
    });
  });
});
