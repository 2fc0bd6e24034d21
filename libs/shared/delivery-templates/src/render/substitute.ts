import { LITERAL_BRACES, type TemplatePart, type VariablePart } from '../syntax/template-part';

interface Piece {
  readonly renderedStart: number;
  readonly templateStart: number;
  /** Literal text maps character by character; a variable's value maps to its tag. */
  readonly literal: boolean;
}

/** Maps offsets in a rendered body back to the template, so errors point at what was written. */
export class SourceMap {
  constructor(
    private readonly pieces: readonly Piece[],
    private readonly templateLength: number,
  ) {}

  /** The template offset a rendered offset came from (a value's offset maps to its `{{`). */
  templateOffset(renderedOffset: number): number {
    let found: Piece | undefined;
    for (const piece of this.pieces) {
      if (piece.renderedStart > renderedOffset) {
        break;
      }
      found = piece;
    }
    if (!found) {
      return renderedOffset > 0 ? this.templateLength : 0;
    }
    return found.literal
      ? Math.min(this.templateLength, found.templateStart + renderedOffset - found.renderedStart)
      : found.templateStart;
  }
}

/** A rendered body and where each of its characters came from. */
export interface Substitution {
  readonly body: string;
  readonly map: SourceMap;
}

/** Replaces every tag with what `render` makes of it; literal text is copied as written. */
export function substitute(
  template: string,
  parts: readonly TemplatePart[],
  render: (part: VariablePart) => string,
): Substitution {
  const chunks: string[] = [];
  const pieces: Piece[] = [];
  let length = 0;
  for (const part of parts) {
    const text =
      part.kind === 'text'
        ? template.slice(part.start, part.end)
        : part.kind === 'braces'
          ? LITERAL_BRACES
          : render(part);
    pieces.push({
      renderedStart: length,
      templateStart: part.start,
      literal: part.kind === 'text',
    });
    chunks.push(text);
    length += text.length;
  }
  return { body: chunks.join(''), map: new SourceMap(pieces, template.length) };
}
