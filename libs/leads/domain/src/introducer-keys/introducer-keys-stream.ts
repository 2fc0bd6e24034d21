/**
 * The category of introducer key streams. One camel-case word: a stream's
 * category is the text before its first dash, so `introducer-keys-…` would be
 * read as the `introducer` category.
 */
export const INTRODUCER_KEYS_STREAM_CATEGORY = 'introducerKeys';

/** An introducer id as the keys' stream and events record it: lower case, so one introducer never has two streams. */
export function canonicalIntroducerId(introducerId: string): string {
  return introducerId.toLowerCase();
}

/** The stream of one introducer's API keys (`introducerKeys-<id>`, id in lower case). */
export function introducerKeysStream(introducerId: string): string {
  return `${INTRODUCER_KEYS_STREAM_CATEGORY}-${canonicalIntroducerId(introducerId)}`;
}
