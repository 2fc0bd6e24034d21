// Typographic apostrophes and the ASCII one are the same letter in a name (O’Connor, O'Connor).
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\uff07]/g;

/**
 * Applies `step` until the text stops changing (at most a few rounds).
 * Unicode case mapping and compatibility normalisation are not idempotent
 * together for a handful of characters; a fixed point makes normalising twice
 * the same as once, which claim keys depend on.
 */
export function untilStable(text: string, step: (text: string) => string): string {
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    const next = step(current);
    if (next === current) {
      return next;
    }
    current = next;
  }
  return current;
}

/**
 * Text folded for comparison: compatibility-normalised (NFKC: full-width
 * letters, ligatures), case-folded (upper then lower, so `ß` and `SS` meet),
 * apostrophes unified, white space collapsed to one space and trimmed.
 * Accents are kept: José and Jose may be different people.
 */
export function foldText(text: string): string {
  return untilStable(text, (current) =>
    current
      .normalize('NFKC')
      .toUpperCase()
      .toLowerCase()
      .normalize('NFKC')
      .replace(APOSTROPHES, "'")
      .replace(/\s+/gu, ' ')
      .trim(),
  );
}
