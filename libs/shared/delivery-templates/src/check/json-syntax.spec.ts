import { findJsonSyntaxError } from './json-syntax';

describe(findJsonSyntaxError.name, () => {
  it.each(['{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}', ' [] ', '"text"', '0'])(
    'finds nothing wrong with %s',
    (text) => {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    },
  );

  it.each([
    ['{"a": 1,}', 8, "'}' where a property name in double quotes is expected"],
    ['{"a" 1}', 5, "'1' where ':' is expected"],
    ['[1 2]', 3, "'2' where ',' or ']' is expected"],
    ['{"a": 01}', 7, "'1' where ',' or '}' is expected"],
    ['{"a": "x\ny"}', 8, 'a control character (such as a line break) inside a string: write \\n'],
    ['{"a": "\\x"}', 7, 'an invalid escape: after "\\" JSON allows only " \\ / b f n r t or uXXXX'],
    ['{"a": "x', 8, 'a string is not closed'],
    ['{"a": tru}', 6, "'t' where a value is expected"],
    ['{"a": -}', 6, "'-' is not a number"],
    ['{} {}', 3, "'{' after the end of the JSON value"],
    ['', 0, 'the end of the text where a value is expected'],
  ])('finds the error in %j at offset %i', (text, offset, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, message });
  });

  it('stops at a nesting depth no template needs instead of recursing without bound', () => {
    expect(findJsonSyntaxError('['.repeat(100_000))).toEqual({
      offset: 257,
      message: 'nested deeper than 256 levels',
    });
  });
});
