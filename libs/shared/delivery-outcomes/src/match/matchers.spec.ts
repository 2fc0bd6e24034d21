import { captureGroupCount, compileRegex, unsafeRepetition } from './regex';
import { parseStatusPattern } from './status-pattern';
import { wildcardMatches } from './wildcard';

describe('status patterns', () => {
  it.each([
    ['200', [{ from: 200, to: 200 }]],
    ['2xx', [{ from: 200, to: 299 }]],
    [
      ' 400 - 404 ,5XX',
      [
        { from: 400, to: 404 },
        { from: 500, to: 599 },
      ],
    ],
  ])('reads %p', (pattern, ranges) => {
    expect(parseStatusPattern(pattern)).toEqual(ranges);
  });

  it.each(['', '20', '2000', '099', '6xx', '2xxx', '404-400', '200;201', 'ok', '200,,201'])(
    'refuses %p',
    (pattern) => {
      expect(typeof parseStatusPattern(pattern)).toBe('string');
    },
  );
});

describe('wildcards', () => {
  it('matches long values against many stars in linear-ish time', () => {
    const value = 'a'.repeat(100_000);
    const started = Date.now();
    expect(wildcardMatches(`${'*a'.repeat(200)}*b`, value)).toBe(false);
    expect(wildcardMatches(`${'*a'.repeat(200)}*`, value)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['', '', true],
    ['*', '', true],
    ['?', '', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['**', 'anything', true],
    ['\\?', '?', true],
    ['\\?', 'x', false],
    ['trailing\\', 'trailing\\', true],
  ])('%p against %p is %p', (pattern, value, expected) => {
    expect(wildcardMatches(pattern, value)).toBe(expected);
  });
});

describe('regular expressions', () => {
  it('reads a leading (?i) as case-insensitive', () => {
    expect(compileRegex('(?i)rejected').test('REJECTED')).toBe(true);
    expect(compileRegex('rejected').test('REJECTED')).toBe(false);
    expect(() => compileRegex('a(?i)b')).toThrow(SyntaxError);
  });

  it('counts capture groups', () => {
    expect(captureGroupCount(/a/)).toBe(0);
    expect(captureGroupCount(/(a)(?:b)(?<c>c)/)).toBe(2);
  });

  it.each([
    '(a+)+',
    '(a*)*b',
    '(?:\\w+\\s?)+$',
    '((ab)+c)*',
    '(x{2,}){2,}',
    '(a+){2,5}',
    '([a-z]+\\.)+com',
  ])('refuses the nested repetition %p', (source) => {
    expect(unsafeRepetition(source)).toBeDefined();
  });

  it.each([
    'rejected',
    '"status"\\s*:\\s*"(\\w+)"',
    '(\\d{3})+',
    '(a+)?',
    '(a|b)+',
    '[(a+)+]',
    '\\(a+\\)+',
    '(a+){3}',
    '(?<ref>[A-Z]{2}-\\d+)',
    '^(?:OK|ACCEPTED)$',
  ])('accepts %p', (source) => {
    expect(unsafeRepetition(source)).toBeUndefined();
  });
});
