import { PartnerErrorCode } from '../errors/partner-error';
import type { InternetDeliveryInput } from '../commands/partner-command-inputs';
import { command, decideAfter, event, refusalOf, registered } from '../testing/partner-scenario';
import { decidePartner } from './decide-partner';

const soap11 = {
  method: 'soap-1.1',
  url: 'https://leads.partner.example/LeadService.asmx',
  bodyTemplate:
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Lead>{{ lead.id }}</Lead></soap:Body></soap:Envelope>',
} as const;

const outcome = {
  rules: [
    { test: 'xpath', pattern: '//Result/Status', equals: 'Rejected', means: 'rejected' },
    { test: 'contains', pattern: 'DUPLICATE', means: 'rejected' },
    { test: 'status', pattern: '2xx', equals: null, means: 'accepted' },
  ],
  partnerReference: { from: 'xpath', expression: '//Result/Reference' },
} as const;

function configure(internet: Partial<InternetDeliveryInput> | Record<string, unknown>) {
  return command('ConfigureDelivery', {
    delivery: { email: false, internet: { ...soap11, ...internet } },
  });
}

describe(decidePartner.name, () => {
  describe('ConfigureDelivery: SOAP action, timeout and outcome rules', () => {
    it('records them, with omitted equals and captures as null', () => {
      const when = configure({
        soapAction: 'http://leads.partner.example/SubmitLead',
        timeoutSeconds: 30,
        outcome,
      });

      expect(decideAfter([registered()], when)).toEqual([
        event('DeliveryConfigured', {
          delivery: {
            email: false,
            internet: {
              ...soap11,
              headers: {},
              soapAction: 'http://leads.partner.example/SubmitLead',
              timeoutSeconds: 30,
              outcome: {
                rules: [
                  outcome.rules[0],
                  { test: 'contains', pattern: 'DUPLICATE', equals: null, means: 'rejected' },
                  outcome.rules[2],
                ],
                partnerReference: outcome.partnerReference,
                rejectionReason: null,
              },
            },
          },
        }),
      ]);
    });

    it('leaves the defaults out: no action, 10 seconds, no rules', () => {
      const when = configure({
        soapAction: null,
        timeoutSeconds: 10,
        outcome: { rules: [], partnerReference: null, rejectionReason: null },
      });

      expect(decideAfter([registered()], when)).toEqual([
        event('DeliveryConfigured', {
          delivery: { email: false, internet: { ...soap11, headers: {} } },
        }),
      ]);
    });

    it('decides nothing for the defaults over a delivery saved before they existed', () => {
      const given = [
        registered(),
        event('DeliveryConfigured', {
          delivery: { email: false, internet: { ...soap11, headers: {} } },
        }),
      ];

      expect(decideAfter(given, configure({ timeoutSeconds: 10, soapAction: '' }))).toEqual([]);
      expect(decideAfter(given, configure({ timeoutSeconds: 11 }))).toHaveLength(1);
    });

    it('keeps nothing a client added to a rule or capture', () => {
      const when = configure({
        outcome: {
          rules: [{ ...outcome.rules[2], note: 'x' }],
          partnerReference: { from: 'header', expression: 'X-Ref', extra: 1 },
        },
      });
      const [decided] = decideAfter([registered()], when);

      expect(decided?.data).toMatchObject({
        delivery: {
          internet: {
            outcome: {
              rules: [{ test: 'status', pattern: '2xx', equals: null, means: 'accepted' }],
              partnerReference: { from: 'header', expression: 'X-Ref' },
              rejectionReason: null,
            },
          },
        },
      });
      expect(JSON.stringify(decided)).not.toMatch(/note|extra/);
    });

    it.each([
      [{ method: 'json', bodyTemplate: '{"id": "{{ lead.id }}"}', soapAction: 'urn:x' }],
      [{ soapAction: 'urn:"quoted"' }],
      [{ soapAction: 'urn:with space' }],
      [{ soapAction: 'x'.repeat(1025) }],
      [{ soapAction: 42 }],
    ])('refuses the SOAP action of %p', (internet) => {
      expect(refusalOf([registered()], configure(internet))).toMatchObject({
        code: PartnerErrorCode.INVALID_SOAP_ACTION,
        field: 'delivery.internet.soapAction',
      });
    });

    it.each([0, 61, 2.5, '10', Number.NaN])('refuses the timeout %p', (timeoutSeconds) => {
      expect(refusalOf([registered()], configure({ timeoutSeconds }))).toMatchObject({
        code: PartnerErrorCode.INVALID_TIMEOUT,
        field: 'delivery.internet.timeoutSeconds',
      });
    });

    it('refuses bad outcome rules with every problem at its field', () => {
      const when = configure({
        outcome: {
          rules: [
            { test: 'regex', pattern: '(a+)+', means: 'rejected' },
            { test: 'contains', pattern: 'x', equals: 'y', means: 'rejected' },
            { test: 'status', pattern: '2xx', means: 'maybe' },
          ],
          rejectionReason: { from: 'json-path', expression: 'reason' },
        },
      });
      const refusal = refusalOf([registered()], when);

      expect(refusal).toMatchObject({
        code: PartnerErrorCode.INVALID_OUTCOME_RULES,
        field: 'delivery.internet.outcome',
      });
      expect(refusal.problems.map((problem) => problem.field)).toEqual([
        'delivery.internet.outcome.rules[0].pattern',
        'delivery.internet.outcome.rules[1].equals',
        'delivery.internet.outcome.rules[2].means',
        'delivery.internet.outcome.rejectionReason.expression',
      ]);
      expect(refusal.message).toContain('exponential');
    });

    it.each([
      ['a list', []],
      ['text', 'rules'],
      ['rules that are not a list', { rules: 'status' }],
      ['a rule that is not one', { rules: [null] }],
    ])('refuses outcome rules that are %s', (_case, value) => {
      expect(refusalOf([registered()], configure({ outcome: value }))).toMatchObject({
        code: PartnerErrorCode.INVALID_OUTCOME_RULES,
      });
    });
  });
});
