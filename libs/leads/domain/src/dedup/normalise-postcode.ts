import { foldText } from './normalise-text';

// Countries whose postcodes have the UK shape (Crown Dependencies included).
const UK_FORMAT = new Set(['GB', 'GG', 'JE', 'IM']);
// Outward code (A9, A99, AA9, AA99, A9A, AA9A) then inward code (9AA).
const UK_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/**
 * A postcode as de-duplication compares it. A UK-shaped postcode is upper
 * case with exactly one space before the inward code (`sw1a1aa` → `SW1A 1AA`);
 * any other is upper case with white space collapsed, since other countries'
 * formats are not checked here.
 */
export function normalisePostcode(postcode: string, country: string): string {
  const upper = foldText(postcode).toUpperCase();
  const compact = upper.replace(/ /g, '');
  const match = UK_FORMAT.has(country.toUpperCase()) ? UK_POSTCODE.exec(compact) : null;
  return match === null ? upper : `${match[1]} ${match[2]}`;
}
