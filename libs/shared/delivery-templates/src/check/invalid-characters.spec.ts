import { DeliveryMethod } from '../delivery-method';
import { TemplateProblemCode } from '../problems';
import { checkTemplate } from './check-template';

function characterProblems(method: DeliveryMethod, template: string) {
  const result = checkTemplate(method, template);
  return result.ok
    ? []
    : result.problems
        .filter((problem) => problem.code === TemplateProblemCode.INVALID_CHARACTER)
        .map(({ message, line, column }) => ({ message, line, column }));
}

describe('checkTemplate and characters a method cannot carry', () => {
  it.each([
    ['U+0001', '\u0001'],
    ['U+0008', '\u0008'],
    ['U+000B', '\u000b'],
    ['U+001F', '\u001f'],
    ['U+FFFE', '\ufffe'],
    ['U+D800', '\ud800'],
  ])('refuses %s in an XML template, at the place it was written', (code, character) => {
    const template = `<lead>\n  <name>A${character}</name>\n</lead>`;

    expect(characterProblems(DeliveryMethod.XML, template)).toEqual([
      { message: `the character ${code} is not allowed in XML 1.0`, line: 2, column: 10 },
    ]);
  });

  it.each([DeliveryMethod.SOAP_1_1, DeliveryMethod.SOAP_1_2])(
    'refuses C0 controls in a %s template too',
    (method) => {
      expect(characterProblems(method, '<a>\u0007</a>')).toHaveLength(1);
    },
  );

  it('accepts tab, line feed, carriage return, emoji and other paired surrogates in XML', () => {
    expect(
      checkTemplate(DeliveryMethod.XML, '<lead>\t\r\n<n>👍🏽 🇬🇧 {{ lead.id }}</n></lead>'),
    ).toEqual({ ok: true, variables: ['lead.id'] });
  });

  it.each([DeliveryMethod.JSON, DeliveryMethod.POST])('refuses NUL in a %s template', (method) => {
    expect(characterProblems(method, 'a=\u0000')).toEqual([
      { message: 'the character U+0000 (NUL) cannot be sent', line: 1, column: 3 },
    ]);
  });

  it('reports at most five characters of a pasted binary blob', () => {
    expect(characterProblems(DeliveryMethod.XML, `<a>${'\u0002'.repeat(50)}</a>`)).toHaveLength(5);
  });
});
