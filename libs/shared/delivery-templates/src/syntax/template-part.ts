/** Literal template text, sent as written. Offsets are 0-based, `end` exclusive. */
export interface TextPart {
  readonly kind: 'text';
  readonly start: number;
  readonly end: number;
}

/** A `{{ name }}` tag: `start`/`end` span the braces, `nameStart` is where the name begins. */
export interface VariablePart {
  readonly kind: 'variable';
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
}

/** `{{ "{{" }}`: the way to write two literal opening braces. */
export interface LiteralBracesPart {
  readonly kind: 'braces';
  readonly start: number;
  readonly end: number;
}

export type TemplatePart = TextPart | VariablePart | LiteralBracesPart;

/** What `{{ "{{" }}` renders. */
export const LITERAL_BRACES = '{{';
