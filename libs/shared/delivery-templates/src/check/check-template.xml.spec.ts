import { DeliveryMethod } from '../delivery-method';
import { TemplateProblemCode } from '../problems';
import { checkTemplate } from './check-template';

const { XML, SOAP_1_1, SOAP_1_2 } = DeliveryMethod;
const SOAP_11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP_12_NS = 'http://www.w3.org/2003/05/soap-envelope';

function problemsOf(method: DeliveryMethod, template: string) {
  const result = checkTemplate(method, template);
  return result.ok ? [] : result.problems.map(({ code, line, column }) => ({ code, line, column }));
}

describe(`${checkTemplate.name} for XML and SOAP`, () => {
  it('reports a mismatched end tag at the line and column of the template', () => {
    const template = '<lead>\n  <name>{{ lead.full_name }}</nmae>\n</lead>';
    expect(checkTemplate(XML, template)).toEqual({
      ok: false,
      problems: [
        {
          code: TemplateProblemCode.MALFORMED_XML,
          message:
            "XML is not well-formed: Expected closing tag 'name' instead of closing tag 'nmae'.",
          line: 2,
          column: 29,
        },
      ],
    });
  });

  it('positions errors after a variable in template columns, not in the rendered body', () => {
    // The sample id is 36 characters long; the tag is 13.
    const template = '<a><b>{{ lead.id }}</c></a>';
    expect(problemsOf(XML, template)).toEqual([
      { code: TemplateProblemCode.MALFORMED_XML, line: 1, column: 20 },
    ]);
  });

  it('refuses a second root element at its start tag', () => {
    expect(problemsOf(XML, '<a>{{ lead.id }}</a>\n<b/>')).toEqual([
      { code: TemplateProblemCode.MALFORMED_XML, line: 2, column: 1 },
    ]);
  });

  it('refuses text outside the root element', () => {
    expect(problemsOf(XML, '<a/>\nname')).toEqual([
      { code: TemplateProblemCode.MALFORMED_XML, line: 2, column: 1 },
    ]);
  });

  it('refuses a bare "&", "<" in an attribute value and undefined entities', () => {
    expect(problemsOf(XML, '<a x="1<2">Q&A &nbsp;</a>')).toEqual([
      { code: TemplateProblemCode.MALFORMED_XML, line: 1, column: 8 },
      { code: TemplateProblemCode.MALFORMED_XML, line: 1, column: 13 },
      { code: TemplateProblemCode.MALFORMED_XML, line: 1, column: 16 },
    ]);
  });

  it('accepts predefined entities and character references in literal text', () => {
    expect(checkTemplate(XML, '<a x="&quot;">&amp;&#169;&#xA9;{{ lead.id }}</a>')).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['an element name', '<{{ lead.type }}/>', 1, 5],
    ['an attribute name', '<a {{ lead.type }}="1"/>', 1, 7],
    ['a comment', '<a><!-- {{ lead.id }} --></a>', 1, 12],
    ['the XML declaration', '<?xml version="{{ lead.id }}"?><a/>', 1, 19],
    ['an end tag', '<a></a{{ lead.id }}>', 1, 10],
    ['a place outside the root element', '{{ lead.id }}<a/>', 1, 4],
    ['an entity reference', '<a>&{{ lead.id }};</a>', 1, 4],
  ])('refuses a variable in %s', (_, template, line, column) => {
    const result = checkTemplate(XML, template);
    expect(result.ok ? [] : result.problems.map((p) => [p.line, p.column])).toContainEqual([
      line,
      column,
    ]);
  });

  it('accepts variables in element text, attribute values in either quotes and CDATA', () => {
    expect(
      checkTemplate(
        XML,
        `<a x="{{ lead.id }}" y='{{ lead.type }}'><![CDATA[{{ lead.email }}]]>{{ lead.phone }}</a>`,
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuses a SOAP 1.1 body whose Envelope is in the SOAP 1.2 namespace', () => {
    const template = `<?xml version="1.0"?>\n<s:Envelope xmlns:s="${SOAP_12_NS}"><s:Body/></s:Envelope>`;
    expect(checkTemplate(SOAP_1_1, template)).toEqual({
      ok: false,
      problems: [
        {
          code: TemplateProblemCode.WRONG_SOAP_NAMESPACE,
          message: `the Envelope is in the SOAP 1.2 namespace: SOAP 1.1 requires xmlns="${SOAP_11_NS}" (or a prefix bound to it)`,
          line: 2,
          column: 1,
        },
      ],
    });
  });

  it('refuses a SOAP 1.2 body whose Envelope is in the SOAP 1.1 namespace', () => {
    const template = `<Envelope xmlns="${SOAP_11_NS}"><Body/></Envelope>`;
    const result = checkTemplate(SOAP_1_2, template);
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.message])).toEqual([
      [
        TemplateProblemCode.WRONG_SOAP_NAMESPACE,
        `the Envelope is in the SOAP 1.1 namespace: SOAP 1.2 requires xmlns="${SOAP_12_NS}" (or a prefix bound to it)`,
      ],
    ]);
  });

  it('refuses an Envelope whose prefix is not declared', () => {
    expect(problemsOf(SOAP_1_1, '<soap:Envelope><soap:Body/></soap:Envelope>')).toEqual([
      { code: TemplateProblemCode.WRONG_SOAP_NAMESPACE, line: 1, column: 1 },
    ]);
  });

  it('refuses a SOAP body whose root is not an Envelope', () => {
    expect(problemsOf(SOAP_1_2, `<lead xmlns="${SOAP_12_NS}"><name/></lead>`)).toEqual([
      { code: TemplateProblemCode.NOT_A_SOAP_ENVELOPE, line: 1, column: 1 },
    ]);
  });

  it('refuses an Envelope without a Body in its namespace', () => {
    const template = `<s:Envelope xmlns:s="${SOAP_11_NS}"><Body/></s:Envelope>`;
    expect(problemsOf(SOAP_1_1, template)).toEqual([
      { code: TemplateProblemCode.MISSING_SOAP_BODY, line: 1, column: 1 },
    ]);
  });

  it('accepts a Body whose own prefix is bound to the envelope namespace', () => {
    const template = `<s:Envelope xmlns:s="${SOAP_12_NS}"><t:Body xmlns:t="${SOAP_12_NS}"/></s:Envelope>`;
    expect(checkTemplate(SOAP_1_2, template)).toMatchObject({ ok: true });
  });

  it('refuses a DOCTYPE in a SOAP message, as both SOAP versions do', () => {
    const template = `<!DOCTYPE s:Envelope>\n<s:Envelope xmlns:s="${SOAP_12_NS}"><s:Body/></s:Envelope>`;
    expect(problemsOf(SOAP_1_2, template)).toEqual([
      { code: TemplateProblemCode.SOAP_DOCTYPE_NOT_ALLOWED, line: 1, column: 1 },
    ]);
    expect(checkTemplate(XML, template)).toMatchObject({ ok: true });
  });

  it('checks plain XML bodies for well-formedness only, whatever their namespace', () => {
    expect(checkTemplate(XML, `<Envelope xmlns="${SOAP_12_NS}"/>`)).toMatchObject({ ok: true });
  });
});
