/**
 * Lengths of text as a person counts it: grapheme clusters, so "👍🏽" or "🇬🇧"
 * is one character, not the two to four UTF-16 units `String.length` says.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Most code points a limit of `max` characters admits. Grapheme counting alone
 * would let one "character" carry thousands of combining marks, so stored
 * size stays bounded by this too (generous for any real script or emoji).
 */
export const CODE_POINTS_PER_CHARACTER = 8;

/** How many characters a person sees in `text`. */
export function textLength(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}

/** Whether `text` has `min` to `max` characters, and no more code points than such text can need. */
export function hasTextLength(text: string, min: number, max: number): boolean {
  // Code points first: cheap, and it bounds the work of the grapheme count.
  // (A string of n UTF-16 units has at least n / 2 code points.)
  if (text.length > 2 * max * CODE_POINTS_PER_CHARACTER) {
    return false;
  }
  if (Array.from(text).length > max * CODE_POINTS_PER_CHARACTER) {
    return false;
  }
  const length = textLength(text);
  return length >= min && length <= max;
}

/** `text` cut to at most `max` characters as a person counts them, never inside one. */
export function truncateText(text: string, max: number): string {
  const characters = Array.from(graphemes.segment(text), (part) => part.segment);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}
