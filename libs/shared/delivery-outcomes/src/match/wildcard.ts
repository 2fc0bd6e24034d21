/** One token of a wildcard pattern: a literal character, `?` (one character) or `*` (any run). */
type Token = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' | 'any' };

function tokens(pattern: string): Token[] {
  const result: Token[] = [];
  const chars = Array.from(pattern);
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (char === '\\' && index + 1 < chars.length) {
      index += 1;
      result.push({ kind: 'char', char: chars[index]! });
    } else if (char === '*') {
      // Runs of stars match what one star does.
      if (result.at(-1)?.kind !== 'any') {
        result.push({ kind: 'any' });
      }
    } else if (char === '?') {
      result.push({ kind: 'one' });
    } else {
      result.push({ kind: 'char', char });
    }
  }
  return result;
}

/**
 * Whether `value` equals `pattern`, where `*` stands for any run of characters
 * (none too), `?` for exactly one, and `\` makes the next character literal
 * (`\*`). Characters are Unicode code points; case matters. Greedy matching with
 * backtracking to the last star only: at worst the pattern's length times the
 * value's, never exponential (no regular expression is built from it).
 */
export function wildcardMatches(pattern: string, value: string): boolean {
  const want = tokens(pattern);
  const have = Array.from(value);
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < have.length) {
    const token = want[p];
    if (token && (token.kind === 'one' || (token.kind === 'char' && token.char === have[v]))) {
      p += 1;
      v += 1;
    } else if (token?.kind === 'any') {
      star = p;
      resume = v;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      v = resume;
    } else {
      return false;
    }
  }
  while (want[p]?.kind === 'any') {
    p += 1;
  }
  return p === want.length;
}
