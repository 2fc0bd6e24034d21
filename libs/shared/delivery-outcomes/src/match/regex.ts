/** The prefix that makes a pattern case-insensitive, as in PCRE, Java and .NET. */
const CASE_INSENSITIVE = '(?i)';

/**
 * A pattern as a regular expression: its source with an optional leading `(?i)`
 * for case-insensitive matching. Throws a SyntaxError for an invalid source.
 */
export function compileRegex(pattern: string): RegExp {
  return pattern.startsWith(CASE_INSENSITIVE)
    ? new RegExp(pattern.slice(CASE_INSENSITIVE.length), 'i')
    : new RegExp(pattern);
}

/** How many capture groups a compiled expression has. */
export function captureGroupCount(regex: RegExp): number {
  // An alternative that matches the empty string makes exec report every group.
  return (new RegExp(`${regex.source}|`, regex.flags).exec('')?.length ?? 1) - 1;
}

interface Frame {
  /** Something inside the group repeats a variable number of times (`*`, `+`, `{2,}`, `{2,5}`). */
  repeats: boolean;
}

const QUANTIFIER = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})/;

/**
 * Why a (valid) regular expression may backtrack catastrophically, or undefined.
 * A cheap guard, not a proof: it refuses repetition of something that itself
 * repeats, like `(a+)+`, `(\w*\s?)*` or `(x{2,}){2,}`, the star height of two
 * behind most exponential patterns. Overlapping alternatives under repetition
 * (`(a|a)*`) and polynomial patterns are bounded only by the body size limit.
 */
export function unsafeRepetition(source: string): string | undefined {
  const frames: Frame[] = [{ repeats: false }];
  // What the previous atom was: a plain atom, or a group that closed (with whether it repeats inside).
  let last: { group: boolean; repeatsInside: boolean } | undefined;
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (char === '\\') {
      last = { group: false, repeatsInside: false };
      index += 2;
    } else if (char === '[') {
      index = afterCharacterClass(source, index);
      last = { group: false, repeatsInside: false };
    } else if (char === '(') {
      frames.push({ repeats: false });
      last = undefined;
      index += 1;
    } else if (char === ')') {
      const closed = frames.length > 1 ? frames.pop()! : { repeats: false };
      last = { group: true, repeatsInside: closed.repeats };
      index += 1;
    } else if (char === '|') {
      last = undefined;
      index += 1;
    } else {
      const quantifier = QUANTIFIER.exec(source.slice(index, index + 24));
      if (quantifier && last) {
        if (repeats(quantifier)) {
          if (last.group && last.repeatsInside) {
            return 'repeats a group that itself repeats (like (a+)+), which can take exponential time on a hostile response; rewrite it without the nesting';
          }
          for (const frame of frames) {
            frame.repeats = true;
          }
        }
        index += quantifier[0].length;
        // A lazy quantifier's `?` belongs to it.
        if (source[index] === '?') {
          index += 1;
        }
        last = undefined;
      } else {
        last = { group: false, repeatsInside: false };
        index += 1;
      }
    }
  }
  return undefined;
}

/**
 * Whether a quantifier repeats a variable number of times (`*`, `+`, `{2,}`,
 * `{2,5}`): what makes two ways to split the same text. `?` and exact counts
 * (`{3}`) do not.
 */
function repeats([, symbol, min, comma, max]: RegExpExecArray): boolean {
  if (symbol !== undefined) {
    return symbol !== '?';
  }
  if (comma === undefined) {
    return false;
  }
  return max === '' || max === undefined || Number(max) > Number(min);
}

/** The index after a character class starting at `start` (`[`). */
function afterCharacterClass(source: string, start: number): number {
  let index = start + 1;
  while (index < source.length && source[index] !== ']') {
    index += source[index] === '\\' ? 2 : 1;
  }
  return index + 1;
}
