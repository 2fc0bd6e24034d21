import { deciderSpecification } from '@leadrail/decider-testing';
import type { DuplicateRule } from '../dedup/duplicate-rule';
import { LeadErrorCode } from '../errors/lead-error';
import type { LeadActor } from '../model/command-metadata';
import { EXTERNAL_REFERENCE_RULE, effectiveDuplicateRules } from './effective-rules';
import { leadSettingsAggregate } from './lead-settings-aggregate';
import {
  DEFAULT_LEAD_SETTINGS,
  type LeadSettingsCommand,
  type LeadSettingsEvent,
  type SettingsMetadata,
  leadSettingsStream,
} from './lead-settings-model';

const spec = deciderSpecification(leadSettingsAggregate);

/** The lead types after `events`. */
function stateAfter(events: LeadSettingsEvent[]) {
  return events.reduce(leadSettingsAggregate.evolve, leadSettingsAggregate.initialState())
    .leadTypes;
}
const AT = '2026-11-25T10:00:00.000Z';
const byOperator: SettingsMetadata = {
  actor: { type: 'operator', id: 'operator-1' },
  occurredAt: AT,
};

type CommandOfType<T extends LeadSettingsCommand['type']> = Extract<
  LeadSettingsCommand,
  { type: T }
>;

function command<T extends LeadSettingsCommand['type']>(
  type: T,
  data: CommandOfType<T>['data'],
  metadata: SettingsMetadata = byOperator,
): CommandOfType<T> {
  return { type, data, metadata } as CommandOfType<T>;
}

const defined = (
  slug = 'mortgage',
  name = 'Mortgage',
  routingMethod: 'round-robin' | 'weighted' = 'round-robin',
): LeadSettingsEvent => ({
  type: 'LeadTypeDefined',
  data: { slug, name, routingMethod, definedAt: AT },
});
const changed = (
  active: boolean,
  name = 'Mortgage',
  routingMethod: 'round-robin' | 'weighted' = 'round-robin',
): LeadSettingsEvent => ({
  type: 'LeadTypeChanged',
  data: { slug: 'mortgage', name, active, routingMethod, changedAt: AT },
});
/** A lead-type event recorded before the routing method existed. */
const definedBeforeRoutingMethods: LeadSettingsEvent = {
  type: 'LeadTypeDefined',
  data: { slug: 'mortgage', name: 'Mortgage', definedAt: AT },
};

const emailRule: DuplicateRule = {
  id: 'same-email',
  keys: ['email'],
  scope: 'all-introducers',
  window: { type: 'days', days: 30 },
  action: 'reject',
};
const phoneRule: DuplicateRule = {
  id: 'same-phone',
  keys: ['phone', 'name-postcode'],
  scope: 'per-introducer',
  window: { type: 'all-time' },
  action: 'accept-and-link',
};
const setRules = (rules: unknown[]) =>
  command('SetDuplicateRules', { rules: rules as DuplicateRule[] });

describe('lead settings', () => {
  it('keeps its one stream under the leadSettings category', () => {
    expect(leadSettingsStream()).toBe('leadSettings-current');
  });

  it('starts with no lead types, no rules and the default timings', () => {
    expect(leadSettingsAggregate.initialState()).toEqual(DEFAULT_LEAD_SETTINGS);
    expect(DEFAULT_LEAD_SETTINGS).toMatchObject({
      leadTypes: [],
      duplicateRules: [],
      referralTimeoutMinutes: 60,
      returnWindowDays: 7,
    });
  });

  describe('DefineLeadType', () => {
    const define = command('DefineLeadType', { slug: 'mortgage', name: 'Mortgage' });

    it('adds an active lead type', () => {
      spec.given([]).when(define).then([defined()]);
    });

    it('trims the name', () => {
      spec
        .given([])
        .when(command('DefineLeadType', { slug: 'mortgage', name: '  Mortgage ' }))
        .then([defined()]);
    });

    it('decides nothing when the same type is defined again', () => {
      spec.given([defined()]).when(define).then([]);
    });

    it('refuses the slug under another name', () => {
      spec
        .given([defined()])
        .when(command('DefineLeadType', { slug: 'mortgage', name: 'Home loans' }))
        .thenThrows({ code: LeadErrorCode.LEAD_TYPE_EXISTS, field: 'slug' });
    });

    it('records the routing method, round-robin unless another is chosen', () => {
      spec
        .given([])
        .when(
          command('DefineLeadType', {
            slug: 'mortgage',
            name: 'Mortgage',
            routingMethod: 'weighted',
          }),
        )
        .then([defined('mortgage', 'Mortgage', 'weighted')]);
      expect(stateAfter([defined('pension', 'Pension', 'weighted'), defined()])).toEqual([
        { slug: 'pension', name: 'Pension', active: true, routingMethod: 'weighted' },
        { slug: 'mortgage', name: 'Mortgage', active: true, routingMethod: 'round-robin' },
      ]);
    });

    it('refuses a routing method it does not know, naming the field', () => {
      for (const routingMethod of ['random', 'Weighted', '', null, 3]) {
        spec
          .given([])
          .when(
            command('DefineLeadType', {
              slug: 'mortgage',
              name: 'Mortgage',
              routingMethod: routingMethod as unknown as 'weighted',
            }),
          )
          .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'routingMethod' });
      }
    });

    it('refuses the slug again with another routing method (ChangeLeadType changes it)', () => {
      spec
        .given([defined()])
        .when(
          command('DefineLeadType', {
            slug: 'mortgage',
            name: 'Mortgage',
            routingMethod: 'weighted',
          }),
        )
        .thenThrows({ code: LeadErrorCode.LEAD_TYPE_EXISTS, field: 'slug' });
    });

    it('reads a type defined before routing methods existed as round-robin', () => {
      expect(stateAfter([definedBeforeRoutingMethods])).toEqual([
        { slug: 'mortgage', name: 'Mortgage', active: true, routingMethod: 'round-robin' },
      ]);
      spec.given([definedBeforeRoutingMethods]).when(define).then([]);
    });

    it('refuses to define again a type that was switched off (ChangeLeadType switches it on)', () => {
      spec
        .given([defined(), changed(false)])
        .when(define)
        .thenThrows(LeadErrorCode.LEAD_TYPE_EXISTS);
    });

    it.each(['Mortgage', 'home_insurance', '-mortgage', 'mortgage-', 'a--b', '', 'x'.repeat(51)])(
      'refuses the slug %j',
      (slug) => {
        spec
          .given([])
          .when(command('DefineLeadType', { slug, name: 'Mortgage' }))
          .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'slug' });
      },
    );

    it.each(['', '   ', 'x'.repeat(101), 'bad\u0007name'])('refuses the name %j', (name) => {
      spec
        .given([])
        .when(command('DefineLeadType', { slug: 'mortgage', name }))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'name' });
    });
  });

  describe('ChangeLeadType', () => {
    it('switches a type off and on again', () => {
      spec
        .given([defined()])
        .when(command('ChangeLeadType', { slug: 'mortgage', active: false }))
        .then([changed(false)]);
      spec
        .given([defined(), changed(false)])
        .when(command('ChangeLeadType', { slug: 'mortgage', active: true }))
        .then([changed(true)]);
    });

    it('renames a type, keeping whether it is active', () => {
      spec
        .given([defined(), changed(false)])
        .when(command('ChangeLeadType', { slug: 'mortgage', name: 'Home loans' }))
        .then([changed(false, 'Home loans')]);
    });

    it('decides nothing when nothing changes', () => {
      spec
        .given([defined()])
        .when(command('ChangeLeadType', { slug: 'mortgage', name: 'Mortgage', active: true }))
        .then([]);
      spec
        .given([defined()])
        .when(command('ChangeLeadType', { slug: 'mortgage' }))
        .then([]);
    });

    it('changes the routing method, keeping the name and whether it is active', () => {
      spec
        .given([defined(), changed(false)])
        .when(command('ChangeLeadType', { slug: 'mortgage', routingMethod: 'weighted' }))
        .then([changed(false, 'Mortgage', 'weighted')]);
      spec
        .given([defined('mortgage', 'Mortgage', 'weighted')])
        .when(command('ChangeLeadType', { slug: 'mortgage', name: 'Home loans' }))
        .then([changed(true, 'Home loans', 'weighted')]);
      spec
        .given([defined('mortgage', 'Mortgage', 'weighted')])
        .when(command('ChangeLeadType', { slug: 'mortgage', routingMethod: 'weighted' }))
        .then([]);
      expect(
        stateAfter([defined(), changed(true, 'Mortgage', 'weighted'), changed(false, 'Mortgage')]),
      ).toEqual([
        { slug: 'mortgage', name: 'Mortgage', active: false, routingMethod: 'round-robin' },
      ]);
    });

    it('keeps the routing method through a change recorded before routing methods existed', () => {
      const changedBefore: LeadSettingsEvent = {
        type: 'LeadTypeChanged',
        data: { slug: 'mortgage', name: 'Home loans', active: false, changedAt: AT },
      };
      expect(stateAfter([definedBeforeRoutingMethods, changedBefore])).toEqual([
        { slug: 'mortgage', name: 'Home loans', active: false, routingMethod: 'round-robin' },
      ]);
    });

    it('refuses a routing method it does not know', () => {
      spec
        .given([defined()])
        .when(
          command('ChangeLeadType', {
            slug: 'mortgage',
            routingMethod: 'by-price' as unknown as 'weighted',
          }),
        )
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'routingMethod' });
    });

    it('refuses a type that was never defined', () => {
      spec
        .given([defined('pension', 'Pension')])
        .when(command('ChangeLeadType', { slug: 'mortgage', active: false }))
        .thenThrows(LeadErrorCode.LEAD_TYPE_NOT_FOUND);
    });

    it('refuses an active flag that is not a boolean', () => {
      spec
        .given([defined()])
        .when(command('ChangeLeadType', { slug: 'mortgage', active: 'no' as unknown as boolean }))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'active' });
    });

    it('refuses a blank name', () => {
      spec
        .given([defined()])
        .when(command('ChangeLeadType', { slug: 'mortgage', name: ' ' }))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'name' });
    });
  });

  describe('SetDuplicateRules', () => {
    const rulesChanged = (rules: DuplicateRule[]): LeadSettingsEvent => ({
      type: 'DuplicateRulesChanged',
      data: { rules, changedAt: AT },
    });

    it('records the rules in the operators’ order', () => {
      spec
        .given([])
        .when(setRules([phoneRule, emailRule]))
        .then([rulesChanged([phoneRule, emailRule])]);
    });

    it('copies only what a rule is made of', () => {
      spec
        .given([])
        .when(
          setRules([
            { ...emailRule, note: 'stray', window: { type: 'days', days: 30, extra: true } },
            { ...phoneRule, window: { type: 'all-time', days: 3 } },
          ]),
        )
        .then([rulesChanged([emailRule, phoneRule])]);
    });

    it('decides nothing when the same rules are set again', () => {
      spec
        .given([rulesChanged([emailRule, phoneRule])])
        .when(setRules([emailRule, phoneRule]))
        .then([]);
    });

    it('records a new order of the same rules', () => {
      spec
        .given([rulesChanged([emailRule, phoneRule])])
        .when(setRules([phoneRule, emailRule]))
        .then([rulesChanged([phoneRule, emailRule])]);
    });

    it('records no rules at all (only the built-in one then applies)', () => {
      spec
        .given([rulesChanged([emailRule])])
        .when(setRules([]))
        .then([rulesChanged([])]);
      spec.given([]).when(setRules([])).then([]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a missing id', { id: undefined }, 'rules[1].id'],
      ['an id with spaces', { id: 'same email' }, 'rules[1].id'],
      ['no keys', { keys: [] }, 'rules[1].keys'],
      ['keys that are not a list', { keys: 'email' }, 'rules[1].keys'],
      ['an unknown key', { keys: ['email', 'postcode'] }, 'rules[1].keys'],
      ['a key listed twice', { keys: ['email', 'email'] }, 'rules[1].keys'],
      ['an unknown scope', { scope: 'global' }, 'rules[1].scope'],
      ['no window', { window: undefined }, 'rules[1].window'],
      ['an unknown window', { window: { type: 'weeks', weeks: 2 } }, 'rules[1].window'],
      ['a window of 0 days', { window: { type: 'days', days: 0 } }, 'rules[1].window.days'],
      ['a window of 1.5 days', { window: { type: 'days', days: 1.5 } }, 'rules[1].window.days'],
      ['a window over ten years', { window: { type: 'days', days: 3651 } }, 'rules[1].window.days'],
      ['a window of "7" days', { window: { type: 'days', days: '7' } }, 'rules[1].window.days'],
      ['an unknown action', { action: 'merge' }, 'rules[1].action'],
    ])('refuses a rule with %s, naming its field', (_, change, field) => {
      spec
        .given([])
        .when(setRules([emailRule, { ...phoneRule, ...change }]))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field });
    });

    it('names the first rule at fault', () => {
      spec
        .given([])
        .when(
          setRules([
            { ...emailRule, window: { type: 'days', days: -1 } },
            { ...phoneRule, action: 'x' },
          ]),
        )
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'rules[0].window.days' });
    });

    it('accepts the bounds of a window in days', () => {
      const oneDay = { ...emailRule, window: { type: 'days', days: 1 } } as const;
      const tenYears = { ...phoneRule, window: { type: 'days', days: 3650 } } as const;
      spec
        .given([])
        .when(setRules([oneDay, tenYears]))
        .then([rulesChanged([oneDay, tenYears])]);
    });

    it('refuses a rule that is not an object', () => {
      spec
        .given([])
        .when(setRules([null]))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'rules[0].id' });
    });

    it('refuses two rules with one id', () => {
      spec
        .given([])
        .when(setRules([emailRule, { ...phoneRule, id: emailRule.id }]))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'rules' });
    });

    it('refuses more than 20 rules, or rules that are not a list', () => {
      const many = Array.from({ length: 21 }, (_, i) => ({ ...emailRule, id: `rule-${i}` }));
      spec
        .given([])
        .when(setRules(many))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'rules' });
      spec
        .given([])
        .when(setRules(many.slice(0, 20)))
        .then([rulesChanged(many.slice(0, 20))]);
      spec
        .given([])
        .when(command('SetDuplicateRules', { rules: emailRule as unknown as DuplicateRule[] }))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'rules' });
    });
  });

  describe('SetStatusCatalogue', () => {
    const statuses = [
      { status: 'new', billingPoint: null },
      { status: 'accepted', billingPoint: 'accepted' },
      { status: 'won', billingPoint: 'converted' },
    ] as const;

    it('records a new catalogue, copying only status and billing point', () => {
      spec
        .given([])
        .when(
          command('SetStatusCatalogue', {
            statuses: statuses.map((entry) => ({ ...entry, colour: 'red' })),
          }),
        )
        .then([
          {
            type: 'StatusCatalogueChanged',
            data: { statuses: statuses.map((entry) => ({ ...entry })), changedAt: AT },
          },
        ]);
    });

    it('decides nothing for the catalogue in force (the default one, at first)', () => {
      spec
        .given([])
        .when(command('SetStatusCatalogue', { statuses: DEFAULT_LEAD_SETTINGS.statuses }))
        .then([]);
    });

    it('refuses a status listed twice', () => {
      spec
        .given([])
        .when(
          command('SetStatusCatalogue', {
            statuses: [statuses[0], { status: 'new', billingPoint: null }],
          }),
        )
        .thenThrows({
          code: LeadErrorCode.INVALID_COMMAND,
          field: expect.stringMatching(/statuses\[1\]\.status$/) as unknown as string,
        });
    });

    it('refuses two statuses standing for one billing point', () => {
      spec
        .given([])
        .when(
          command('SetStatusCatalogue', {
            statuses: [...statuses, { status: 'signed', billingPoint: 'converted' }],
          }),
        )
        .thenThrows({
          code: LeadErrorCode.INVALID_COMMAND,
          field: expect.stringMatching(/statuses\[3\]\.billingPoint$/) as unknown as string,
        });
    });

    it('refuses an empty catalogue', () => {
      spec
        .given([])
        .when(command('SetStatusCatalogue', { statuses: [] }))
        .thenThrows(LeadErrorCode.INVALID_COMMAND);
    });
  });

  describe('SetReferralTimeout', () => {
    const timeoutChanged = (minutes: number): LeadSettingsEvent => ({
      type: 'ReferralTimeoutChanged',
      data: { minutes, changedAt: AT },
    });

    it.each([1, 30, 14 * 24 * 60])('records a timeout of %d minutes', (minutes) => {
      spec
        .given([])
        .when(command('SetReferralTimeout', { minutes }))
        .then([timeoutChanged(minutes)]);
    });

    it('decides nothing for the timeout in force', () => {
      spec
        .given([])
        .when(command('SetReferralTimeout', { minutes: 60 }))
        .then([]);
      spec
        .given([timeoutChanged(30)])
        .when(command('SetReferralTimeout', { minutes: 30 }))
        .then([]);
    });

    it.each([0, -5, 14 * 24 * 60 + 1, 2.5, Number.NaN])('refuses %d minutes', (minutes) => {
      spec
        .given([])
        .when(command('SetReferralTimeout', { minutes }))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'minutes' });
    });
  });

  describe('SetReturnWindow', () => {
    const windowChanged = (days: number): LeadSettingsEvent => ({
      type: 'ReturnWindowChanged',
      data: { days, changedAt: AT },
    });

    it.each([0, 1, 365])('records a window of %d days (0: no returns)', (days) => {
      spec
        .given([])
        .when(command('SetReturnWindow', { days }))
        .then([windowChanged(days)]);
    });

    it('decides nothing for the window in force', () => {
      spec
        .given([])
        .when(command('SetReturnWindow', { days: 7 }))
        .then([]);
    });

    it.each([-1, 366, 1.5])('refuses %d days', (days) => {
      spec
        .given([])
        .when(command('SetReturnWindow', { days }))
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'days' });
    });
  });

  describe('who may change settings', () => {
    const nonOperators: LeadActor[] = [
      { type: 'system', id: 'leads.intake' },
      { type: 'partner', id: 'acme-mortgages' },
      { type: 'introducer', id: 'c2a7e4d1-9b3f-4a6c-8e5d-1f0b7a9c3e62' },
    ];

    it.each(nonOperators)('refuses a $type', (actor) => {
      const metadata = { actor, occurredAt: AT };
      for (const refused of [
        command('DefineLeadType', { slug: 'mortgage', name: 'Mortgage' }, metadata),
        command('ChangeLeadType', { slug: 'mortgage', active: false }, metadata),
        command('SetDuplicateRules', { rules: [] }, metadata),
        command('SetStatusCatalogue', { statuses: DEFAULT_LEAD_SETTINGS.statuses }, metadata),
        command('SetReferralTimeout', { minutes: 30 }, metadata),
        command('SetReturnWindow', { days: 14 }, metadata),
      ]) {
        spec.given([defined()]).when(refused).thenThrows(LeadErrorCode.ACTOR_NOT_ALLOWED);
      }
    });

    it('refuses a time that is not a UTC instant', () => {
      spec
        .given([])
        .when(
          command(
            'SetReturnWindow',
            { days: 14 },
            { ...byOperator, occurredAt: '2026-11-25T10:00:00+01:00' },
          ),
        )
        .thenThrows({ code: LeadErrorCode.INVALID_COMMAND, field: 'metadata.occurredAt' });
    });
  });
});

describe(effectiveDuplicateRules.name, () => {
  it('applies the built-in external-reference rule when operators set none', () => {
    expect(effectiveDuplicateRules([])).toEqual([EXTERNAL_REFERENCE_RULE]);
    expect(EXTERNAL_REFERENCE_RULE).toEqual({
      id: 'built-in.external-reference',
      keys: ['external-reference'],
      scope: 'per-introducer',
      window: { type: 'all-time' },
      action: 'reject',
    });
  });

  it('appends the built-in rule after the operators’ rules', () => {
    expect(effectiveDuplicateRules([emailRule, phoneRule])).toEqual([
      emailRule,
      phoneRule,
      EXTERNAL_REFERENCE_RULE,
    ]);
  });

  it('leaves it out when an operator rule matches on the external reference', () => {
    const ownReference: DuplicateRule = {
      id: 'same-reference',
      keys: ['email', 'external-reference'],
      scope: 'per-introducer',
      window: { type: 'days', days: 7 },
      action: 'accept-and-link',
    };
    expect(effectiveDuplicateRules([emailRule, ownReference])).toEqual([emailRule, ownReference]);
  });

  it('does not change the operators’ list', () => {
    const rules = [emailRule];
    effectiveDuplicateRules(rules);
    expect(rules).toEqual([emailRule]);
  });
});
