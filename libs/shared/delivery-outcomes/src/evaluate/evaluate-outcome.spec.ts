import { SOAP_11_ACCEPTED, SOAP_12_DUPLICATE } from '../__fixtures__/soap-faults';
import type { OutcomeRule, OutcomeRules } from '../outcome-rules';
import { type DeliveryAnswer, evaluateOutcome } from './evaluate-outcome';

const response = (status: number, body = '', headers: Record<string, string> = {}) =>
  ({ kind: 'response', status, headers, body }) as const;

function rules(list: Partial<OutcomeRule>[], extra: Partial<OutcomeRules> = {}): OutcomeRules {
  return {
    rules: list.map((rule) => ({
      test: 'contains',
      pattern: 'x',
      equals: null,
      means: 'rejected',
      ...rule,
    })),
    partnerReference: null,
    rejectionReason: null,
    ...extra,
  };
}

describe('evaluateOutcome', () => {
  describe('the defaults', () => {
    it.each([
      [200, 'accepted', 'default: 2xx'],
      [201, 'accepted', 'default: 2xx'],
      [204, 'accepted', 'default: 2xx'],
      [301, 'error', 'default: 3xx'],
      [400, 'rejected', 'default: 4xx'],
      [404, 'rejected', 'default: 4xx'],
      [422, 'rejected', 'default: 4xx'],
      [408, 'error', 'default: 408'],
      [425, 'error', 'default: 425'],
      [429, 'error', 'default: 429'],
      [500, 'error', 'default: 5xx'],
      [503, 'error', 'default: 5xx'],
      [101, 'error', 'default: unexpected status'],
    ] as const)('judges HTTP %i as %s', (status, outcome, matched) => {
      expect(evaluateOutcome(response(status), null, 'json')).toEqual({
        outcome,
        matched,
        reason: outcome === 'accepted' ? null : `HTTP ${status} from the partner`,
        partnerReference: null,
      });
    });

    it('judges a transport error or timeout as an error, saying what happened', () => {
      const timeout: DeliveryAnswer = {
        kind: 'transport-error',
        code: 'ETIMEDOUT',
        message: 'no response within 10 s',
      };
      expect(evaluateOutcome(timeout, rules([{ test: 'status', pattern: '5xx' }]), 'xml')).toEqual({
        outcome: 'error',
        reason: 'no answer from the partner: ETIMEDOUT (no response within 10 s)',
        partnerReference: null,
        matched: 'transport-error: ETIMEDOUT',
      });
    });
  });

  describe('operator rules', () => {
    it('makes a 200 saying "rejected" a rejection with a contains rule', () => {
      const body = '{"result":"rejected","why":"duplicate"}';
      const partner = rules([{ test: 'contains', pattern: '"rejected"', means: 'rejected' }]);

      expect(evaluateOutcome(response(200, body), partner, 'json')).toEqual({
        outcome: 'rejected',
        reason: 'HTTP 200 from the partner, rejected by rules[0] (contains)',
        partnerReference: null,
        matched: 'rules[0]',
      });
      expect(evaluateOutcome(response(200, '{"result":"ok"}'), partner, 'json').outcome).toBe(
        'accepted',
      );
    });

    it('lets the first matching rule win, in order', () => {
      const partner = rules([
        { test: 'status', pattern: '4xx', means: 'rejected' },
        { test: 'contains', pattern: 'OK', means: 'accepted' },
        { test: 'contains', pattern: 'OK', means: 'rejected' },
      ]);
      expect(evaluateOutcome(response(200, 'OK'), partner, 'post')).toMatchObject({
        outcome: 'accepted',
        matched: 'rules[1]',
      });
      expect(evaluateOutcome(response(409, 'OK'), partner, 'post').matched).toBe('rules[0]');
      expect(evaluateOutcome(response(500, 'nope'), partner, 'post').matched).toBe('default: 5xx');
    });

    it.each([
      ['200', 200, true],
      ['2xx', 204, true],
      ['2XX', 299, true],
      ['400-409', 409, true],
      ['400-409', 410, false],
      ['200, 201 ,3xx', 302, true],
      ['201', 200, false],
    ])('tests the status against %p (%i: %p)', (pattern, status, matches) => {
      const partner = rules([{ test: 'status', pattern, means: 'accepted' }]);
      const matched = evaluateOutcome(response(status), partner, 'json').matched;
      expect(matched === 'rules[0]').toBe(matches);
    });

    it('turns a 500 the partner uses for "accepted, queued" into an acceptance', () => {
      const partner = rules([{ test: 'status', pattern: '500', means: 'accepted' }]);
      expect(evaluateOutcome(response(500, 'queued'), partner, 'json').outcome).toBe('accepted');
    });

    it.each([
      ['OK', '  OK\n', true],
      ['OK', 'OK then', false],
      ['ACCEPTED:*', 'ACCEPTED: 12345', true],
      ['ACCEPTED:*', 'accepted: 12345', false],
      ['REF-????', 'REF-1234', true],
      ['REF-????', 'REF-12345', false],
      ['*rejected*', 'lead rejected: duplicate', true],
      ['100\\*', '100*', true],
      ['100\\*', '1000', false],
      ['?', '👍', true],
    ])('tests the whole body with equals %p against %p', (pattern, body, matches) => {
      const partner = rules([{ test: 'equals', pattern, means: 'rejected' }]);
      expect(evaluateOutcome(response(200, body), partner, 'post').outcome).toBe(
        matches ? 'rejected' : 'accepted',
      );
    });

    it('tests the body with a regular expression, case-insensitive with (?i)', () => {
      const strict = rules([{ test: 'regex', pattern: '"status"\\s*:\\s*"(fail|reject)' }]);
      const loose = rules([{ test: 'regex', pattern: '(?i)status.{0,5}reject' }]);
      const body = '{"Status" : "REJECTED"}';

      expect(evaluateOutcome(response(200, body), strict, 'json').outcome).toBe('accepted');
      expect(evaluateOutcome(response(200, body), loose, 'json').outcome).toBe('rejected');
      expect(evaluateOutcome(response(200, '{"status": "rejected"}'), strict, 'json').outcome).toBe(
        'rejected',
      );
    });

    it('selects with JSONPath, with and without equals, filters included', () => {
      const body = JSON.stringify({
        result: { status: 'REJECTED', code: 17, errors: [{ field: 'phone' }] },
        items: [{ state: 'ok' }, { state: 'dup' }],
        empty: null,
      });
      const judge = (pattern: string, equals: string | null) =>
        evaluateOutcome(
          response(200, body),
          rules([{ test: 'json-path', pattern, equals }]),
          'json',
        ).outcome;

      expect(judge('$.result.status', 'REJECTED')).toBe('rejected');
      expect(judge('$.result.status', 'REJ*')).toBe('rejected');
      expect(judge('$.result.status', 'ACCEPTED')).toBe('accepted');
      expect(judge('$.result.code', '17')).toBe('rejected');
      expect(judge('$.result.errors', null)).toBe('rejected');
      expect(judge('$.result.missing', null)).toBe('accepted');
      expect(judge('$.empty', 'null')).toBe('rejected');
      expect(judge("$.items[?(@.state == 'dup')]", null)).toBe('rejected');
      expect(judge("$.items[?(@.state == 'gone')]", null)).toBe('accepted');
      expect(judge('$.items[*].state', 'dup')).toBe('rejected');
    });

    it('does not match JSONPath rules on a body that is not JSON, and does not throw', () => {
      const partner = rules([{ test: 'json-path', pattern: '$.status', means: 'rejected' }]);
      for (const body of ['<status>x</status>', '', '{"status":', 'null', 'rejected']) {
        expect(evaluateOutcome(response(200, body), partner, 'json').matched).toBe('default: 2xx');
      }
    });

    it('selects with XPath by local name on a SOAP answer, prefixes or not', () => {
      const judge = (body: string, pattern: string, equals: string | null = null) =>
        evaluateOutcome(
          response(200, body),
          rules([{ test: 'xpath', pattern, equals }]),
          'soap-1.1',
        ).outcome;

      expect(judge(SOAP_11_ACCEPTED, '//Status', 'Accepted')).toBe('rejected');
      expect(
        judge(
          SOAP_11_ACCEPTED,
          '/Envelope/Body/SubmitLeadResponse/SubmitLeadResult/Status',
          'Acc*',
        ),
      ).toBe('rejected');
      expect(judge(SOAP_11_ACCEPTED, '/soap:Envelope/soap:Body//ns:Status', 'Accepted')).toBe(
        'rejected',
      );
      expect(judge(SOAP_11_ACCEPTED, '//Status', 'Rejected')).toBe('accepted');
      expect(judge(SOAP_12_DUPLICATE, "//Result[@code='DUP']")).toBe('rejected');
      expect(judge(SOAP_12_DUPLICATE, '//*[local-name()="Result"]', 'Rejected')).toBe('rejected');
      expect(judge(SOAP_12_DUPLICATE, 'count(//Result) > 0')).toBe('rejected');
      expect(judge(SOAP_12_DUPLICATE, 'count(//Nothing) > 0')).toBe('accepted');
      expect(judge(SOAP_12_DUPLICATE, 'string(//Result/@code)', 'DUP')).toBe('rejected');
      expect(judge('{"not":"xml"}', '//Result')).toBe('accepted');
    });
  });

  describe('captures', () => {
    const body = JSON.stringify({ ref: '  PX-77\n', error: { message: 'Duplicate\tlead' } });

    it('captures the reference on acceptance and the reason on rejection', () => {
      const partner = rules([{ test: 'contains', pattern: 'Duplicate', means: 'rejected' }], {
        partnerReference: { from: 'json-path', expression: '$.ref' },
        rejectionReason: { from: 'json-path', expression: '$.error.message' },
      });

      expect(evaluateOutcome(response(200, body), partner, 'json')).toEqual({
        outcome: 'rejected',
        reason: 'Duplicate lead',
        partnerReference: 'PX-77',
        matched: 'rules[0]',
      });
      expect(evaluateOutcome(response(201, '{"ref": 42}'), partner, 'json')).toEqual({
        outcome: 'accepted',
        reason: null,
        partnerReference: '42',
        matched: 'default: 2xx',
      });
    });

    it('captures from a header in any case, a regex group and an XPath', () => {
      const judge = (capture: OutcomeRules['partnerReference'], answer = response(200)) =>
        evaluateOutcome(answer, rules([], { partnerReference: capture }), 'xml').partnerReference;

      expect(
        judge(
          { from: 'header', expression: 'x-lead-ref' },
          response(200, '', { 'X-Lead-Ref': 'H-1' }),
        ),
      ).toBe('H-1');
      expect(
        judge({ from: 'regex', expression: 'ref=(\\w+)' }, response(200, 'ok ref=R9 done')),
      ).toBe('R9');
      expect(judge({ from: 'regex', expression: 'R\\d+' }, response(200, 'ok ref=R9'))).toBe('R9');
      expect(
        judge({ from: 'xpath', expression: '//Reference' }, response(200, SOAP_11_ACCEPTED)),
      ).toBe('PX-2026-0042');
      expect(
        judge({ from: 'xpath', expression: '//Missing' }, response(200, SOAP_11_ACCEPTED)),
      ).toBeNull();
      expect(
        judge({ from: 'json-path', expression: '$.ref' }, response(200, 'not json')),
      ).toBeNull();
    });

    it('falls back to an informative reason when the capture finds nothing', () => {
      const partner = rules([], { rejectionReason: { from: 'json-path', expression: '$.error' } });
      expect(evaluateOutcome(response(422, '<html>nope</html>'), partner, 'json').reason).toBe(
        'HTTP 422 from the partner',
      );
    });

    it('cuts references to 200 and reasons to 500 characters', () => {
      const long = 'x'.repeat(1_000);
      const partner = rules([], {
        partnerReference: { from: 'regex', expression: '(x+)' },
        rejectionReason: { from: 'regex', expression: '(x+)' },
      });
      const evaluation = evaluateOutcome(response(400, long), partner, 'post');

      expect(evaluation.partnerReference).toHaveLength(200);
      expect(evaluation.reason).toHaveLength(500);
    });
  });
});
