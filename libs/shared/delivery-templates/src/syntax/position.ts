/** A place in a text: 1-based line and column, columns in UTF-16 code units as editors count them. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The line and column of a 0-based offset; lines end at `\n` (a `\r` before it ends the line too). */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The 0-based offset of a 1-based line and column, clamped to the text. */
export function offsetAt(text: string, line: number, column: number): number {
  let lineStart = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) {
      return text.length;
    }
    lineStart = next + 1;
  }
  return Math.min(text.length, lineStart + Math.max(0, column - 1));
}
