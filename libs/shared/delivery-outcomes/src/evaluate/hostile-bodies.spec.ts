import { parseJson } from '../match/json-path';
import { localNameDocument, parseXml } from '../match/xml-document';
import { MAX_EVALUATED_BODY_LENGTH, type OutcomeRules } from '../outcome-rules';
import { evaluateOutcome } from './evaluate-outcome';

const response = (status: number, body: string) =>
  ({ kind: 'response', status, headers: {}, body }) as const;

/** Every kind of body rule at once, each meaning rejected, with both captures. */
const everyRule: OutcomeRules = {
  rules: [
    { test: 'json-path', pattern: '$..status', equals: 'rejected', means: 'rejected' },
    { test: 'xpath', pattern: '//status', equals: 'rejected', means: 'rejected' },
    { test: 'equals', pattern: 'rejected', equals: null, means: 'rejected' },
    { test: 'regex', pattern: 'status=(rejected|failed)', equals: null, means: 'rejected' },
    { test: 'contains', pattern: 'REJECTED', equals: null, means: 'rejected' },
  ],
  partnerReference: { from: 'xpath', expression: '//ref' },
  rejectionReason: { from: 'json-path', expression: '$.reason' },
};

describe('hostile and careless partner answers', () => {
  it('parses no DOCTYPE: a billion laughs is neither expanded nor matched', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<status>&lol9;</status>`;
    const started = Date.now();

    expect(parseXml(lol)).toBeUndefined();
    expect(evaluateOutcome(response(200, lol), everyRule, 'xml')).toMatchObject({
      outcome: 'accepted',
      matched: 'default: 2xx',
      partnerReference: null,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('never reads an external entity', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><status>rejected</status><ref>&x;</ref></r>`;
    expect(parseXml(xxe)).toBeUndefined();
    expect(evaluateOutcome(response(200, xxe), everyRule, 'xml').partnerReference).toBeNull();
  });

  it('leaves an undeclared entity unexpanded even without a DOCTYPE (the body is then not XML)', () => {
    expect(parseXml('<r><ref>&x;</ref></r>')).toBeUndefined();
    expect(parseXml('<r><ref>&amp;&#65;</ref></r>')?.documentElement?.textContent).toBe('&A');
  });

  it('judges a huge body by its first 128 KiB for text rules and does not parse it', () => {
    const huge = `${'a'.repeat(MAX_EVALUATED_BODY_LENGTH)}REJECTED`;
    expect(evaluateOutcome(response(200, huge), everyRule, 'json').matched).toBe('default: 2xx');

    const early = `REJECTED${'a'.repeat(5_000_000)}`;
    expect(evaluateOutcome(response(200, early), everyRule, 'json').matched).toBe('rules[4]');

    const bigJson = JSON.stringify({
      status: 'rejected',
      pad: 'x'.repeat(MAX_EVALUATED_BODY_LENGTH),
    });
    expect(parseJson(bigJson)).toBeUndefined();
  });

  it('stops a regular expression that backtracks too long: it does not match, nothing hangs', () => {
    const slow: OutcomeRules = {
      rules: [
        { test: 'regex', pattern: '\\s*\\s*x', equals: null, means: 'rejected' },
        { test: 'regex', pattern: 'status.*rejected', equals: null, means: 'rejected' },
        { test: 'contains', pattern: 'status', equals: null, means: 'accepted' },
      ],
      partnerReference: null,
      rejectionReason: { from: 'regex', expression: '(\\s*\\s*)x' },
    };
    const started = Date.now();

    expect(evaluateOutcome(response(400, ' '.repeat(10_000_000)), slow, 'post')).toMatchObject({
      outcome: 'rejected',
      matched: 'default: 4xx',
      reason: 'HTTP 400 from the partner',
    });
    expect(evaluateOutcome(response(200, 'status '.repeat(20_000)), slow, 'post').matched).toBe(
      'rules[2]',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops an XPath that is quadratic in a large document', () => {
    const wide = `<r>${'<a/>'.repeat(30_000)}</r>`;
    const quadratic: OutcomeRules = {
      rules: [{ test: 'xpath', pattern: '//a[count(//a) > 1]', equals: null, means: 'rejected' }],
      partnerReference: null,
      rejectionReason: null,
    };
    const started = Date.now();

    expect(evaluateOutcome(response(200, wide), quadratic, 'xml').matched).toBe('default: 2xx');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not parse JSON or XML nested deeper than 100 levels, and does not overflow', () => {
    const deepJson = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const deepXml = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;

    expect(parseJson(deepJson)).toBeUndefined();
    expect(parseXml(deepXml)).toBeUndefined();
    expect(evaluateOutcome(response(200, deepJson), everyRule, 'json').outcome).toBe('accepted');
    expect(evaluateOutcome(response(200, deepXml), everyRule, 'xml').outcome).toBe('accepted');
  });

  it('matches nothing on bodies that are not what the rules expect, without throwing', () => {
    for (const body of [
      '',
      ' ',
      'null',
      '[]',
      '<',
      '<a>',
      '{"status":',
      '\u0000\uFFFF',
      '<?xml?>',
    ]) {
      expect(evaluateOutcome(response(200, body), everyRule, 'json').outcome).toBe('accepted');
    }
  });

  it('reads JSON and XML after a byte-order mark', () => {
    expect(
      evaluateOutcome(response(200, '\uFEFF{"status":"rejected"}'), everyRule, 'json').matched,
    ).toBe('rules[0]');
    expect(
      evaluateOutcome(response(200, '\uFEFF<r><status>rejected</status></r>'), everyRule, 'xml')
        .matched,
    ).toBe('rules[1]');
  });

  it('keeps control characters and line breaks out of captured values', () => {
    const body = JSON.stringify({ reason: 'bad\r\nX-Injected: 1\u0000\u2028end' });
    expect(evaluateOutcome(response(400, body), everyRule, 'json').reason).toBe(
      'bad X-Injected: 1 end',
    );
  });

  it('does not let a partner reach Object.prototype through JSON names', () => {
    const body = '{"__proto__": {"status": "rejected"}, "constructor": {"status": "x"}}';
    expect(evaluateOutcome(response(200, body), everyRule, 'json').matched).toBe('rules[0]');
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('copies an XML body by local names without recursion', () => {
    const document = parseXml(
      '<p:r xmlns:p="urn:p" p:id="1" id="2"><p:s>t</p:s><![CDATA[c]]></p:r>',
    )!;
    const copy = localNameDocument(document);

    expect(copy.documentElement?.localName).toBe('r');
    expect(copy.documentElement?.prefix).toBeNull();
    expect(copy.documentElement?.textContent).toBe('tc');
    expect(copy.documentElement?.attributes).toHaveLength(1);
  });
});
