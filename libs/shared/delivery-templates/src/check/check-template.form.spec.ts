import { DeliveryMethod } from '../delivery-method';
import { TemplateProblemCode } from '../problems';
import { checkTemplate } from './check-template';

const { POST } = DeliveryMethod;

function problemsOf(template: string) {
  const result = checkTemplate(POST, template);
  return result.ok ? [] : result.problems.map(({ code, column }) => [code, column]);
}

describe(`${checkTemplate.name} for POST`, () => {
  it('accepts pairs whose values mix encoded text and variables', () => {
    expect(checkTemplate(POST, 'a=%C3%A9t%C3%A9&b=x+y&c={{ lead.id }}-{{ lead.type }}&d=')).toEqual(
      {
        ok: true,
        variables: ['lead.id', 'lead.type'],
      },
    );
  });

  it('refuses a variable in a field name', () => {
    expect(problemsOf('{{ lead.type }}=1')).toEqual([
      [TemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE, 4],
    ]);
  });

  it('refuses a pair without "=" and an empty pair', () => {
    expect(problemsOf('a=1&b&&c=2')).toEqual([
      [TemplateProblemCode.INVALID_FORM, 5],
      [TemplateProblemCode.INVALID_FORM, 7],
    ]);
  });

  it('refuses unencoded spaces, line breaks, non-ASCII and a second "="', () => {
    expect(problemsOf('a=x y&b=é&c=1=2\n')).toEqual([
      [TemplateProblemCode.INVALID_FORM, 4],
      [TemplateProblemCode.INVALID_FORM, 9],
      [TemplateProblemCode.INVALID_FORM, 14],
      [TemplateProblemCode.INVALID_FORM, 16],
    ]);
  });

  it('refuses "%" without two hex digits and a missing field name', () => {
    expect(problemsOf('a=100%&=x')).toEqual([
      [TemplateProblemCode.INVALID_FORM, 6],
      [TemplateProblemCode.INVALID_FORM, 8],
    ]);
  });
});
