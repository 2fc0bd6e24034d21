/** Countries whose national phone numbers {@link toE164} understands. */
export type NationalNumberingPlan = 'GB';

// What people write between digits: spaces, dashes, dots, slashes, brackets.
const SEPARATORS = /[\s\-./()]/g;
const ALLOWED = /^\+?[\d\s\-./()]+$/;
// UK national significant numbers: 9 or 10 digits, never starting 0, 4 or 6.
const UK_NATIONAL = /^[1235789]\d{8,9}$/;
const E164_DIGITS = /^[1-9]\d{6,14}$/;
const MAX_INPUT_LENGTH = 40;

/**
 * A phone number in E.164 (`+447700900123`), or null when it cannot be read
 * as one. A narrow, UK-first normaliser (libphonenumber-js is in
 * node_modules only as a dependency of class-validator, not one LeadRail may
 * import): it reads
 *
 * - UK national numbers (`07700 900123`, `(07700) 900-123`) when the default is GB;
 * - international numbers with `+` or `00` (`+44 7700 900123`, `0044 7700 900123`),
 *   including the UK habit of a bracketed or stray trunk zero (`+44 (0)7700 900123`,
 *   `+44 07700 900123`), with the UK number checked for length;
 * - any other valid E.164 number, passed through with only its shape checked
 *   (7-15 digits): other countries' trunk prefixes and lengths are not known here.
 *
 * Extensions, letters (vanity numbers) and national numbers of other countries give null.
 */
export function toE164(phone: string, defaultPlan: NationalNumberingPlan = 'GB'): string | null {
  if (phone.length > MAX_INPUT_LENGTH) {
    return null;
  }
  const text = phone
    .normalize('NFKC')
    .trim()
    .replace(/\(\s*0\s*\)/g, '');
  if (!ALLOWED.test(text)) {
    return null;
  }
  const digits = text.replace(SEPARATORS, '').replace(/^\+/, '');
  let international: string | null;
  if (text.startsWith('+')) {
    international = digits;
  } else if (digits.startsWith('00')) {
    international = digits.slice(2);
  } else if (digits.startsWith('0') && defaultPlan === 'GB') {
    international = `44${digits.slice(1)}`;
  } else {
    international = null;
  }
  return international === null ? null : checked(international);
}

function checked(international: string): string | null {
  if (international.startsWith('44')) {
    // "+44 07700…": the trunk zero belongs only to the national form.
    const national = international.slice(2).replace(/^0/, '');
    return UK_NATIONAL.test(national) ? `+44${national}` : null;
  }
  return E164_DIGITS.test(international) ? `+${international}` : null;
}
