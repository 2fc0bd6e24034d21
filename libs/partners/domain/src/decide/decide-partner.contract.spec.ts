import { randomUUID } from 'node:crypto';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { partnersRegistry } from '@leadrail/partners-contracts';
import fc from 'fast-check';
import type { PartnerCommand } from '../commands/partner-commands';
import { PartnerError } from '../errors/partner-error';
import type { PartnerEvent } from '../events/partner-events';
import {
  LEAD_TYPE_CATALOGUE,
  OCCURRED_AT,
  command,
  decideAfter,
  registered,
  registeredAsBoth,
} from '../testing/partner-scenario';
import { decidePartner } from './decide-partner';

// Property: whatever a client sends, the decider either refuses it with a
// PartnerError or decides events that meet the published contracts, so an
// accepted setting can never break leadrail.partners.v1 for its consumers.

/** Text as careless and hostile clients write it: blank, controls, markup, emoji, any unicode. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 250 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', 'Acme', '\u0000', 'a\nb', '<b>&amp;</b>', ']]>', '👍🏽'.repeat(150)),
);
const amount = fc.oneof(
  fc.integer({ min: -10, max: 1_000_000 }),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2),
);
const money = fc.record({ amount, currency: fc.constantFrom('GBP', 'EUR', 'gbp', '') });
/** Header values as they arrive in JSON: mostly text, sometimes not. */
const headerValue = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) },
);
const anyOutcomeRule = fc.record(
  {
    test: fc.constantFrom('status', 'contains', 'regex', 'json-path', 'xpath', 'equals', 'jq'),
    pattern: fc.oneof(text, fc.constantFrom('2xx', 'rejected', '$.status', '//Status', '(a+)+')),
    equals: fc.option(fc.oneof(text, fc.constantFrom('Rejected', 'REJ*')), { nil: null }),
    means: fc.constantFrom('accepted', 'rejected', 'error'),
  },
  { requiredKeys: ['test', 'pattern', 'means'] },
);
// Mostly valid rules, so that many rule sets are accepted and their events checked too.
const outcomeRule = fc.oneof(
  { weight: 1, arbitrary: anyOutcomeRule },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      { test: 'status', pattern: '2xx, 409', means: 'accepted' },
      { test: 'contains', pattern: 'rejected', equals: null, means: 'rejected' },
      { test: 'regex', pattern: '(?i)dup(licate)?', means: 'rejected' },
      { test: 'json-path', pattern: '$.status', equals: 'REJ*', means: 'rejected' },
      { test: 'xpath', pattern: '//Status', equals: null, means: 'accepted' },
      { test: 'equals', pattern: 'OK*', means: 'accepted' },
    ),
  },
);
const capture = fc.record({
  from: fc.constantFrom('json-path', 'xpath', 'regex', 'header', 'sql'),
  expression: fc.oneof(
    { weight: 1, arbitrary: text },
    { weight: 4, arbitrary: fc.constantFrom('$.ref', '//Ref', 'ref=(\\w+)', 'X-Ref') },
  ),
});
const outcome = fc.record(
  {
    rules: fc.array(outcomeRule, { maxLength: 3 }),
    partnerReference: fc.option(capture, { nil: null }),
    rejectionReason: fc.option(capture, { nil: undefined }),
  },
  { requiredKeys: ['rules'] },
);
const internet = fc.record({
  method: fc.constantFrom('xml', 'json', 'soap-1.1', 'soap-1.2', 'post', 'ftp'),
  url: fc.oneof(fc.webUrl(), text, fc.constantFrom('http://user:pw@x.example', 'https://0x7f.1/')),
  bodyTemplate: fc.oneof(
    text,
    fc.constantFrom(
      '<lead><id>{{ lead.id }}</id></lead>',
      '{"id": "{{ lead.id }}"}',
      'id={{ lead.id }}',
      '<lead>\u0007</lead>',
    ),
  ),
  headers: fc.option(
    fc.dictionary(fc.oneof(text, fc.constantFrom('X-Api-Key', 'Host')), headerValue),
    {
      nil: undefined,
    },
  ),
  soapAction: fc.option(fc.oneof(text, fc.constantFrom('urn:partner:SubmitLead', '')), {
    nil: undefined,
  }),
  timeoutSeconds: fc.option(fc.oneof(amount, fc.constantFrom(1, 10, 60)), { nil: undefined }),
  outcome: fc.option(outcome, { nil: undefined }),
});
const delivery = fc.record({ email: fc.boolean(), internet: fc.option(internet, { nil: null }) });
/** A valid SOAP delivery with generated options, so the options are decided, not refused before. */
const soapDeliveryOptions = fc
  .record(
    {
      soapAction: fc.option(fc.oneof(text, fc.constantFrom('urn:partner:SubmitLead')), {
        nil: null,
      }),
      timeoutSeconds: fc.oneof(amount, fc.integer({ min: 1, max: 60 })),
      outcome,
    },
    { requiredKeys: [] },
  )
  .map((options) => ({
    email: false,
    internet: {
      method: 'soap-1.2',
      url: 'https://soap.partner.example/leads',
      bodyTemplate:
        '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><Id>{{ lead.id }}</Id></s:Body></s:Envelope>',
      ...options,
    },
  }));
const hhmm = fc.oneof(fc.constantFrom('09:00', '17:30', '00:00', '23:59', '24:00', '9am'), text);
const day = fc.record({ enabled: fc.boolean(), from: hhmm, to: hhmm });
const schedule = fc.record({
  timeZone: fc.oneof(
    fc.constantFrom('Europe/London', 'America/New_York', 'UTC', 'Mars/Base'),
    text,
  ),
  days: fc.record({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
});
const phone = fc.option(fc.oneof(fc.constantFrom('+447700900123', '07700 900123'), text), {
  nil: null,
});
const contact = fc.record({
  phone,
  email: fc.option(fc.oneof(fc.emailAddress(), text), { nil: null }),
  transferPhone: phone,
});
const partnerType = fc.record({
  introducer: fc.boolean(),
  partner: fc.boolean(),
  leadCost: fc.option(money, { nil: undefined }),
  leadValue: fc.option(money, { nil: undefined }),
});
const portalAccess = fc.record({
  level: fc.constantFrom(
    'none',
    'leads-and-reports',
    'leads-only',
    'everything-except-leads',
    'all',
  ),
  requireReferralAcceptance: fc.boolean(),
  mayUpdateLeadStatus: fc.boolean(),
});
const payment = fc.record({
  mode: fc.constantFrom('pre-pay', 'post-pay'),
  creditLimit: fc.option(money, { nil: undefined }),
});
const textAlerts = fc.record({ onReferral: fc.boolean(), onLowFunds: fc.boolean() });
const limits = fc.record({ daily: amount, monthly: amount });
const billingPoint = fc.constantFrom('delivery', 'acceptance', 'qualification', 'conversion', 'x');
const scalar = fc.oneof(text, fc.double(), fc.boolean(), fc.constant(null));
const criterion = fc.record({
  field: fc.oneof(fc.constantFrom('property_value', 'first_time_buyer', 'Age', 'a__b'), text),
  operator: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'like'),
  value: fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })),
});
const leadTypeBought = fc.record(
  {
    leadType: fc.oneof(
      fc.constantFrom('mortgage', 'home-insurance', 'equity-release', 'car-finance'),
      text,
    ),
    postcodes: fc.array(
      fc.oneof(fc.constantFrom('SW', 'sw1a', ' EC1A ', 'QQ1', 'SW1A 1AA', 'B10'), text),
      { maxLength: 4 },
    ),
    criteria: fc.array(criterion, { maxLength: 3 }),
    leadValue: fc.option(money, { nil: null }),
  },
  { requiredKeys: ['leadType'] },
);

/** Every command a client can send to a registered partner, with generated data. */
const settingCommand: fc.Arbitrary<PartnerCommand> = fc.oneof(
  text.map((name) => command('RenamePartner', { name })),
  partnerType.map((value) => command('ChangePartnerType', { partnerType: value })),
  money.map((leadCost) => command('SetLeadCost', { leadCost })),
  money.map((leadValue) => command('SetLeadValue', { leadValue })),
  portalAccess.map((value) => command('SetPortalAccess', { portalAccess: value } as never)),
  fc
    .record({
      email: fc.oneof(fc.emailAddress(), text),
      method: fc.constantFrom('password', 'invitation'),
    })
    .map((portalLogin) => command('RecordPortalLogin', { portalLogin })),
  payment.map((value) => command('SetPaymentMode', { payment: value })),
  billingPoint.map((value) => command('SetBillingPoint', { billingPoint: value } as never)),
  delivery.map((value) => command('ConfigureDelivery', { delivery: value } as never)),
  soapDeliveryOptions.map((value) => command('ConfigureDelivery', { delivery: value } as never)),
  limits.map((value) => command('SetDeliveryLimits', { limits: value })),
  schedule.map((value) => command('SetDeliverySchedule', { schedule: value })),
  contact.map((value) => command('SetContactDetails', { contact: value })),
  textAlerts.map((value) => command('SetTextAlerts', { textAlerts: value })),
  money.map((lowFundsThreshold) => command('SetLowFundsThreshold', { lowFundsThreshold })),
  fc
    .array(leadTypeBought, { maxLength: 3 })
    .map((leadTypes) =>
      command('SetLeadTypesBought', { leadTypes, catalogue: LEAD_TYPE_CATALOGUE } as never),
    ),
  fc
    .oneof(fc.integer({ min: -5, max: 105 }), amount)
    .map((selectionPriority) => command('SetSelectionPriority', { selectionPriority })),
  text.map((reason) => command('DeactivatePartner', { reason })),
  fc.constant(command('PauseDeliveries', {})),
  fc.constant(command('ResumeDeliveries', {})),
);

const registration: fc.Arbitrary<PartnerCommand> = fc
  .record(
    {
      name: text,
      currency: fc.constantFrom('GBP', 'EUR', 'XX'),
      partnerType,
      portalAccess,
      payment,
      billingPoint,
      delivery,
      limits,
      schedule,
      contact,
      textAlerts,
      lowFundsThreshold: money,
    },
    { requiredKeys: ['name', 'currency', 'partnerType'] },
  )
  .map((data) => command('RegisterPartner', data as never));

/** The partner's event as the relay publishes it, parsed against the partner events' contracts. */
function contractProblem(event: PartnerEvent): string | undefined {
  const payload = {
    eventId: randomUUID(),
    type: event.type,
    version: 1,
    occurredAt: OCCURRED_AT,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    source: 'leadrail.partners',
    // The scenarios' readable id stands for the UUID the service issues.
    data: { ...event.data, partnerId: randomUUID() },
  };
  const result = parseIntegrationEvent(JSON.stringify(payload), partnersRegistry);
  return result.ok ? undefined : `${event.type}: ${result.message}`;
}

/** Decides, and says what broke: an error other than a refusal, or an event outside its contract. */
function violation(decide: () => PartnerEvent[]): string | undefined {
  let events: PartnerEvent[];
  try {
    events = decide();
  } catch (error) {
    return error instanceof PartnerError ? undefined : `threw ${String(error)}`;
  }
  return events.map(contractProblem).find((problem) => problem !== undefined);
}

describe(`${decidePartner.name} and the published partner contracts`, () => {
  const partners = [
    registered(),
    registeredAsBoth(),
    registered({ contact: { phone: '+447700900123', email: null, transferPhone: null } }),
  ];

  it('decides, for any registration, either a refusal or events that meet their contracts', () => {
    fc.assert(
      fc.property(registration, (when) => {
        expect(
          violation(() => decidePartner(when, { status: 'unregistered' } as never)),
        ).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
  });

  it('decides, for any setting change, either a refusal or events that meet their contracts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...partners), settingCommand, (given, when) => {
        expect(violation(() => decideAfter([given], when))).toBeUndefined();
      }),
      { numRuns: 5_000 },
    );
  });

  it('counts an event outside its contract as a violation (the check itself works)', () => {
    const listHeader = {
      type: 'DeliveryConfigured',
      data: {
        partnerId: 'acme-leads',
        delivery: {
          email: false,
          internet: {
            method: 'xml',
            url: 'https://api.partner.example',
            bodyTemplate: '<a/>',
            headers: { 'X-A': ['1'] },
          },
        },
      },
    } as unknown as PartnerEvent;

    expect(violation(() => [listHeader])).toContain('data.delivery.internet.headers');
    expect(violation(() => [registered()])).toBeUndefined();
  });
});
