import { DeliveryMethod } from '../delivery-method';
import { TemplateProblemCode } from '../problems';
import { checkTemplate } from './check-template';

const { JSON: JSON_METHOD } = DeliveryMethod;

describe(`${checkTemplate.name} for JSON`, () => {
  it('reports a missing comma at its line and column in the template', () => {
    const template = '{\n  "name": "{{ lead.full_name }}"\n  "email": "{{ lead.email }}"\n}';
    expect(checkTemplate(JSON_METHOD, template)).toEqual({
      ok: false,
      problems: [
        {
          code: TemplateProblemCode.INVALID_JSON,
          message: `not JSON: '"' where ',' or '}' is expected`,
          line: 3,
          column: 3,
        },
      ],
    });
  });

  it('reports a trailing comma where the property name was expected', () => {
    const template = '{"id": "{{ lead.id }}",\n}';
    expect(checkTemplate(JSON_METHOD, template)).toMatchObject({
      ok: false,
      problems: [{ code: TemplateProblemCode.INVALID_JSON, line: 2, column: 1 }],
    });
  });

  it('points at the variable when its value cannot stand where it is', () => {
    // Two bare values in a row: the second one is the error.
    const template = '{"price": {{ lead.value.amount }} {{ lead.value.currency }}}';
    expect(checkTemplate(JSON_METHOD, template)).toMatchObject({
      ok: false,
      problems: [{ code: TemplateProblemCode.INVALID_JSON, line: 1, column: 35 }],
    });
  });

  it('accepts variables bare where a value goes, including as a whole array item', () => {
    expect(
      checkTemplate(
        JSON_METHOD,
        '[{{ lead.value.amount }}, {{ lead.email }}, {{ lead.answers.smoker }}]',
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuses a variable right after a backslash inside a string', () => {
    const template = '{"path": "C:\\{{ lead.id }}", "u": "\\u00{{ lead.id }}"}';
    const result = checkTemplate(JSON_METHOD, template);
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.column])).toEqual([
      [TemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE, 17],
      [TemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE, 43],
    ]);
  });

  it('accepts a variable after a complete escape', () => {
    expect(checkTemplate(JSON_METHOD, '{"p": "C:\\\\{{ lead.id }}\\n"}')).toMatchObject({
      ok: true,
    });
  });

  it('refuses a body that is not JSON at all', () => {
    expect(checkTemplate(JSON_METHOD, 'name={{ lead.full_name }}')).toMatchObject({
      ok: false,
      problems: [{ code: TemplateProblemCode.INVALID_JSON, line: 1, column: 1 }],
    });
  });
});
