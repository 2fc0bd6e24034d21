import { CODE_POINTS_PER_CHARACTER, hasTextLength, textLength, truncateText } from './text-length';

describe(textLength.name, () => {
  it.each([
    ['plain text', 'Acme', 4],
    ['emoji with a skin tone', '👍🏽', 1],
    ['a flag', '🇬🇧', 1],
    ['a family joined by zero-width joiners', '👨‍👩‍👧‍👦', 1],
    ['an accent written as a combining mark', 'e\u0301', 1],
  ])('counts %s as a person does', (_, text, expected) => {
    expect(textLength(text)).toBe(expected);
  });
});

describe(hasTextLength.name, () => {
  it('fits 150 emoji in 200 characters, which UTF-16 counts as 300', () => {
    expect(hasTextLength('😀'.repeat(150), 1, 200)).toBe(true);
    expect(hasTextLength('😀'.repeat(201), 1, 200)).toBe(false);
  });

  it('refuses empty text when at least one character is needed', () => {
    expect(hasTextLength('', 1, 10)).toBe(false);
  });

  it('bounds the code points, so one character cannot carry thousands of combining marks', () => {
    const zalgo = `a${'\u0301'.repeat(10 * CODE_POINTS_PER_CHARACTER)}`;

    expect(textLength(zalgo)).toBe(1);
    expect(hasTextLength(zalgo, 1, 10)).toBe(false);
  });
});

describe(truncateText.name, () => {
  it('cuts at a character boundary, never inside an emoji', () => {
    expect(truncateText('ab👍🏽cd', 3)).toBe('ab👍🏽');
    expect(truncateText('short', 10)).toBe('short');
  });
});
