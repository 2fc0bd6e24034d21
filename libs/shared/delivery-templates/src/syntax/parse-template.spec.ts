import { TemplateProblemCode } from '../problems';
import { parseTemplate } from './parse-template';

describe(parseTemplate.name, () => {
  it('splits text and variables, with or without spaces inside the braces', () => {
    expect(parseTemplate('a{{x.y}}b{{  z \t}}').parts).toEqual([
      { kind: 'text', start: 0, end: 1 },
      { kind: 'variable', start: 1, end: 8, name: 'x.y', nameStart: 3 },
      { kind: 'text', start: 8, end: 9 },
      { kind: 'variable', start: 9, end: 18, name: 'z', nameStart: 13 },
    ]);
  });

  it('reads {{ "{{" }} as literal braces and a lone "}}" as text', () => {
    expect(parseTemplate('{{ "{{" }}}}').parts).toEqual([
      { kind: 'braces', start: 0, end: 10 },
      { kind: 'text', start: 10, end: 12 },
    ]);
  });

  it('does not let a tag run onto the next line', () => {
    expect(parseTemplate('{{ a\n}}').problems).toEqual([
      expect.objectContaining({ code: TemplateProblemCode.UNCLOSED_BRACES, offset: 0 }),
    ]);
  });

  it('refuses an empty tag and triple braces', () => {
    expect(parseTemplate('{{}} {{{ a }}}').problems.map((p) => [p.code, p.offset])).toEqual([
      [TemplateProblemCode.INVALID_EXPRESSION, 2],
      [TemplateProblemCode.INVALID_EXPRESSION, 7],
    ]);
  });
});
