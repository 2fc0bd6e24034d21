import { displayPrefixOf, formatApiKey, parseApiKey } from './api-key-format';

const KEY_ID = '0123456789abcdef0123456789abcdef';
const SECRET = 'Ab_-'.repeat(10) + 'xyz';

describe(parseApiKey.name, () => {
  it('reads back the parts of a formatted key', () => {
    const key = formatApiKey({ keyId: KEY_ID, secret: SECRET });
    expect(key).toBe(`lrk_${KEY_ID}_${SECRET}`);
    expect(parseApiKey(key)).toEqual({ keyId: KEY_ID, secret: SECRET });
  });

  it.each([
    ['no prefix', `${KEY_ID}_${SECRET}`],
    ['an upper-case key id', `lrk_${KEY_ID.toUpperCase()}_${SECRET}`],
    ['a short secret', `lrk_${KEY_ID}_${SECRET.slice(1)}`],
    ['a padded secret', `lrk_${KEY_ID}_${SECRET.slice(1)}=`],
    ['trailing text', `lrk_${KEY_ID}_${SECRET} `],
    ['an operator token', 'c2a7e4d19b3f4a6c8e5d1f0b7a9c3e62'],
  ])('refuses %s', (_name, text) => {
    expect(parseApiKey(text)).toBeUndefined();
  });
});

describe(displayPrefixOf.name, () => {
  it('shows the prefix and the start of the public key id only', () => {
    expect(displayPrefixOf(KEY_ID)).toBe('lrk_01234567…');
  });
});

describe(formatApiKey.name, () => {
  it('refuses parts that would not parse back', () => {
    expect(() => formatApiKey({ keyId: 'xyz', secret: SECRET })).toThrow();
  });
});
