import { VALID_TEMPLATES } from '../__fixtures__/templates';
import { DeliveryMethod } from '../delivery-method';
import { TemplateProblemCode } from '../problems';
import { MAX_TEMPLATE_LENGTH } from '../syntax/analyse-template';
import { checkTemplate } from './check-template';

const XML = DeliveryMethod.XML;

describe(checkTemplate.name, () => {
  it.each(Object.values(DeliveryMethod))('accepts a valid %s template', (method) => {
    expect(checkTemplate(method, VALID_TEMPLATES[method])).toMatchObject({ ok: true });
  });

  it('lists the variables used, once each, in order of first use', () => {
    expect(checkTemplate(DeliveryMethod.JSON, VALID_TEMPLATES[DeliveryMethod.JSON])).toEqual({
      ok: true,
      variables: [
        'lead.id',
        'lead.first_name',
        'lead.last_name',
        'lead.email',
        'lead.value.decimal',
        'lead.value.amount',
        'lead.answers.first_time_buyer',
        'now.iso',
      ],
    });
  });

  it('reports an unknown variable with its name and the line and column where the name starts', () => {
    const template = '<lead>\n  <name>{{ lead.nickname }}</name>\n</lead>';
    expect(checkTemplate(XML, template)).toEqual({
      ok: false,
      problems: [
        {
          code: TemplateProblemCode.UNKNOWN_VARIABLE,
          message: 'unknown variable "lead.nickname"',
          line: 2,
          column: 12,
          variable: 'lead.nickname',
        },
      ],
    });
  });

  it('suggests the known variable closest to a misspelt one', () => {
    const result = checkTemplate(XML, '<a>\n<b>{{lead.frist_name}}</b></a>');
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          code: TemplateProblemCode.UNKNOWN_VARIABLE,
          message: 'unknown variable "lead.frist_name": did you mean "lead.first_name"?',
          line: 2,
          column: 6,
          suggestion: 'lead.first_name',
        }),
      ],
    });
  });

  it('reports every unknown variable, each at its own position', () => {
    const result = checkTemplate(
      DeliveryMethod.JSON,
      '{"a": "{{ x }}",\n "b": {{ lead.fullname }}}',
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.variable, p.line, p.column])).toEqual([
      ['x', 1, 11],
      ['lead.fullname', 2, 10],
    ]);
  });

  it('accepts any well-formed answer key, since answers differ per lead type', () => {
    expect(checkTemplate(XML, '<a>{{ lead.answers.loan_term_years }}</a>')).toEqual({
      ok: true,
      variables: ['lead.answers.loan_term_years'],
    });
  });

  it('refuses an answer key that no answer can have', () => {
    const result = checkTemplate(XML, '<a>{{ lead.answers.Loan_Term }}</a>');
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { code: TemplateProblemCode.UNKNOWN_VARIABLE, suggestion: 'lead.answers.loan_term' },
      ],
    });
  });

  it('reports "{{" that is not closed on its line at the braces', () => {
    const result = checkTemplate(XML, '<a>\n  <b>{{ lead.email </b>\n  <c>}}</c>\n</a>');
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: TemplateProblemCode.UNCLOSED_BRACES, line: 2, column: 6 }],
    });
  });

  it('refuses expressions that are not a variable name, such as filters or code', () => {
    const result = checkTemplate(
      XML,
      '<a>{{ lead.email | upper }}{{ constructor.constructor("x")() }}</a>',
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.column])).toEqual([
      [TemplateProblemCode.INVALID_EXPRESSION, 7],
      [TemplateProblemCode.INVALID_EXPRESSION, 31],
    ]);
  });

  it('treats an unknown name such as "constructor" as an unknown variable, never a property lookup', () => {
    expect(checkTemplate(XML, '<a>{{ constructor }}{{ __proto__ }}</a>')).toMatchObject({
      ok: false,
      problems: [
        { code: TemplateProblemCode.UNKNOWN_VARIABLE, variable: 'constructor' },
        { code: TemplateProblemCode.UNKNOWN_VARIABLE, variable: '__proto__' },
      ],
    });
  });

  it('accepts {{ "{{" }} as a literal pair of braces, and a lone "}}" as text', () => {
    expect(
      checkTemplate(DeliveryMethod.JSON, '{"hint": "{{ "{{" }}name}}", "n": {"m": 1}}'),
    ).toEqual({ ok: true, variables: [] });
  });

  it('refuses an empty body', () => {
    expect(checkTemplate(DeliveryMethod.POST, ' \n')).toMatchObject({
      ok: false,
      problems: [{ code: TemplateProblemCode.EMPTY_TEMPLATE, line: 1, column: 1 }],
    });
  });

  it(`refuses a body longer than ${MAX_TEMPLATE_LENGTH} characters`, () => {
    const template = `<a>${'x'.repeat(MAX_TEMPLATE_LENGTH)}</a>`;
    expect(checkTemplate(XML, template)).toMatchObject({
      ok: false,
      problems: [{ code: TemplateProblemCode.TEMPLATE_TOO_LONG }],
    });
  });

  it('reports unknown variables and body problems together', () => {
    const result = checkTemplate(XML, '<a>{{ lead.nme }}</b>');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      TemplateProblemCode.UNKNOWN_VARIABLE,
      TemplateProblemCode.MALFORMED_XML,
    ]);
  });
});
