import type { OutcomeRule, OutcomeRules } from '../outcome-rules';
import { checkOutcomeRules } from './check-outcome-rules';
import { OutcomeRuleProblemCode as Code } from './outcome-rule-problem';

const rule = (fields: Partial<OutcomeRule> | Record<string, unknown>): OutcomeRule => ({
  test: 'contains',
  pattern: 'x',
  equals: null,
  means: 'rejected',
  ...fields,
});

const withRules = (...rules: OutcomeRule[]): OutcomeRules => ({
  rules,
  partnerReference: null,
  rejectionReason: null,
});

describe('checkOutcomeRules', () => {
  it('accepts a rule of every kind, with captures of every kind', () => {
    const rules: OutcomeRules = {
      rules: [
        rule({ test: 'status', pattern: '200, 201, 3xx, 400-404', means: 'accepted' }),
        rule({ test: 'contains', pattern: 'rejected' }),
        rule({ test: 'equals', pattern: 'ERROR:*' }),
        rule({ test: 'regex', pattern: '(?i)"status"\\s*:\\s*"(fail|reject)' }),
        rule({ test: 'regex', pattern: '(\\d{3}-?)+' }),
        rule({ test: 'json-path', pattern: '$.result.status', equals: 'REJ*' }),
        rule({ test: 'json-path', pattern: "$.items[?(@.state == 'dup')]" }),
        rule({ test: 'xpath', pattern: '/Envelope/Body//Status', equals: 'Rejected' }),
        rule({ test: 'xpath', pattern: 'count(//soap:Fault) > 0 and not(//Ok)' }),
      ],
      partnerReference: { from: 'json-path', expression: '$.reference' },
      rejectionReason: { from: 'xpath', expression: 'string(//Message)' },
    };

    expect(checkOutcomeRules(rules)).toEqual([]);
    for (const capture of [
      { from: 'regex', expression: 'ref=(\\w+)' },
      { from: 'header', expression: 'X-Lead-Reference' },
    ] as const) {
      expect(checkOutcomeRules({ ...rules, partnerReference: capture })).toEqual([]);
    }
    expect(checkOutcomeRules(withRules())).toEqual([]);
  });

  it.each([
    [
      'an unparsable status',
      rule({ test: 'status', pattern: '2xx,' }),
      'pattern',
      Code.INVALID_STATUS_PATTERN,
    ],
    [
      'a status over 599',
      rule({ test: 'status', pattern: '600' }),
      'pattern',
      Code.INVALID_STATUS_PATTERN,
    ],
    [
      'a reversed range',
      rule({ test: 'status', pattern: '499-400' }),
      'pattern',
      Code.INVALID_STATUS_PATTERN,
    ],
    [
      'a status class like 2x',
      rule({ test: 'status', pattern: '2x' }),
      'pattern',
      Code.INVALID_STATUS_PATTERN,
    ],
    [
      'an invalid regex',
      rule({ test: 'regex', pattern: 'status=(' }),
      'pattern',
      Code.INVALID_REGEX,
    ],
    [
      'a nested repetition',
      rule({ test: 'regex', pattern: '(a+)+$' }),
      'pattern',
      Code.UNSAFE_REGEX,
    ],
    [
      'a nested star',
      rule({ test: 'regex', pattern: '^(\\w*\\s?)*$' }),
      'pattern',
      Code.UNSAFE_REGEX,
    ],
    [
      'a JSONPath without $',
      rule({ test: 'json-path', pattern: 'status' }),
      'pattern',
      Code.INVALID_JSON_PATH,
    ],
    [
      'an unclosed JSONPath',
      rule({ test: 'json-path', pattern: '$.items[0' }),
      'pattern',
      Code.INVALID_JSON_PATH,
    ],
    [
      'a broken JSONPath filter',
      rule({ test: 'json-path', pattern: '$.a[?(@.x == )]' }),
      'pattern',
      Code.INVALID_JSON_PATH,
    ],
    [
      'an invalid XPath',
      rule({ test: 'xpath', pattern: '//Status[' }),
      'pattern',
      Code.INVALID_XPATH,
    ],
    [
      'an unknown XPath function',
      rule({ test: 'xpath', pattern: '//a[matches(., "x")]' }),
      'pattern',
      Code.INVALID_XPATH,
    ],
    [
      'equals on contains',
      rule({ test: 'contains', pattern: 'x', equals: 'y' }),
      'equals',
      Code.EQUALS_NOT_ALLOWED,
    ],
    [
      'equals on status',
      rule({ test: 'status', pattern: '200', equals: '200' }),
      'equals',
      Code.EQUALS_NOT_ALLOWED,
    ],
    [
      'equals that is not text',
      rule({ test: 'xpath', pattern: '//a', equals: 5 }),
      'equals',
      Code.INVALID_EQUALS,
    ],
    ['an empty pattern', rule({ pattern: '' }), 'pattern', Code.EMPTY_PATTERN],
    ['a blank pattern', rule({ pattern: '   ' }), 'pattern', Code.EMPTY_PATTERN],
    ['a pattern that is not text', rule({ pattern: 200 }), 'pattern', Code.EMPTY_PATTERN],
    ['an over-long pattern', rule({ pattern: 'x'.repeat(501) }), 'pattern', Code.TOO_LONG],
    [
      'an over-long equals',
      rule({ test: 'xpath', pattern: '//a', equals: 'x'.repeat(501) }),
      'equals',
      Code.INVALID_EQUALS,
    ],
    ['an unknown test', rule({ test: 'jq' }), 'test', Code.INVALID_TEST],
    ['an unknown meaning', rule({ means: 'error' }), 'means', Code.INVALID_MEANING],
  ])('refuses %s at outcome.rules[1].%s', (_case, bad, field, code) => {
    const problems = checkOutcomeRules(withRules(rule({}), bad));

    expect(problems).toEqual([
      { path: `outcome.rules[1].${field}`, code, message: expect.any(String) as string },
    ]);
  });

  it('refuses more than 20 rules, and names every problem at once', () => {
    const many = Array.from({ length: 21 }, () => rule({}));
    expect(checkOutcomeRules(withRules(...many)).map((problem) => problem.code)).toEqual([
      Code.TOO_MANY_RULES,
    ]);

    const problems = checkOutcomeRules(
      withRules(
        rule({ test: 'regex', pattern: '[' }),
        rule({ test: 'status', pattern: 'ok', equals: '' }),
      ),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'outcome.rules[0].pattern',
      'outcome.rules[1].pattern',
      'outcome.rules[1].equals',
    ]);
  });

  it.each([
    [{ from: 'sql', expression: 'x' }, 'partnerReference.from', Code.INVALID_CAPTURE],
    [
      { from: 'header', expression: 'X Ref' },
      'partnerReference.expression',
      Code.INVALID_HEADER_NAME,
    ],
    [{ from: 'regex', expression: '(' }, 'partnerReference.expression', Code.INVALID_REGEX],
    [{ from: 'regex', expression: '(x*)*' }, 'partnerReference.expression', Code.UNSAFE_REGEX],
    [
      { from: 'json-path', expression: 'ref' },
      'partnerReference.expression',
      Code.INVALID_JSON_PATH,
    ],
    [{ from: 'xpath', expression: '//' }, 'partnerReference.expression', Code.INVALID_XPATH],
    [{ from: 'xpath', expression: '' }, 'partnerReference.expression', Code.EMPTY_PATTERN],
    ['$.ref', 'partnerReference', Code.INVALID_CAPTURE],
  ])('refuses the capture %p at outcome.%s', (capture, path, code) => {
    const rules = { ...withRules(), partnerReference: capture } as OutcomeRules;
    expect(checkOutcomeRules(rules)).toEqual([
      { path: `outcome.${path}`, code, message: expect.any(String) as string },
    ]);
  });

  it('takes what a client sent without throwing on the wrong shapes', () => {
    for (const value of [null, 'rules', [], { rules: 'x' }, { rules: [null, 'x', []] }]) {
      expect(checkOutcomeRules(value as unknown as OutcomeRules).length).toBeGreaterThan(0);
    }
  });
});
