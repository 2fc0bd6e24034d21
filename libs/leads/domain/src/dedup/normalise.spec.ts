import { normaliseEmail } from './normalise-email';
import { toE164 } from './normalise-phone';
import { normalisePostcode } from './normalise-postcode';
import { foldText } from './normalise-text';

describe(toE164.name, () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['+44 (0)7700 900123', '+447700900123'],
    ['+44 07700 900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['(07700) 900-123', '+447700900123'],
    ['020 7946 0018', '+442079460018'],
    ['+447700900123', '+447700900123'],
    ['+1 415 555 0100', '+14155550100'],
  ])('reads %s as %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it.each([
    ['0770 090'],
    ['07700 900123 x12'],
    ['0800-FLOWERS'],
    ['+44 6700 900123'],
    ['415 555 0100'],
    ['+0 123 4567'],
  ])('cannot read %s', (raw) => {
    expect(toE164(raw)).toBeNull();
  });
});

describe('normalisation', () => {
  it('keeps e-mail addresses apart that only a provider could merge', () => {
    expect(normaliseEmail('  Priya.Shah@Example.COM ')).toBe('priya.shah@example.com');
    expect(normaliseEmail('p.riya.shah@gmail.com')).not.toBe(normaliseEmail('priyashah@gmail.com'));
    expect(normaliseEmail('priya+leads@gmail.com')).not.toBe(normaliseEmail('priya@gmail.com'));
  });

  it('spaces UK postcodes one way and leaves other countries as written', () => {
    expect(normalisePostcode('sw1a1aa', 'GB')).toBe('SW1A 1AA');
    expect(normalisePostcode(' m14   5rl', 'GB')).toBe('M14 5RL');
    expect(normalisePostcode('75008', 'FR')).toBe('75008');
    expect(normalisePostcode('sw1a1aa', 'FR')).toBe('SW1A1AA');
  });

  it('folds case, white space and apostrophes in names, keeping accents', () => {
    expect(foldText('  TOM   O’CONNOR ')).toBe("tom o'connor");
    expect(foldText('Straße')).toBe(foldText('STRASSE'));
    expect(foldText('José')).not.toBe(foldText('Jose'));
  });
});
