import type { OffsetProblem } from '../problems';
import type { TemplatePart, VariablePart } from '../syntax/template-part';

/** Where in the body a variable sits, which decides how its value is escaped. */
export type ValueContext =
  'xml-text' | 'xml-attribute' | 'xml-cdata' | 'json-string' | 'json-value' | 'form-value';

/** The escaping context of every variable, and what the scan found wrong. */
export interface ContextScan {
  readonly contexts: ReadonlyMap<VariablePart, ValueContext>;
  readonly problems: readonly OffsetProblem[];
  /** XML bodies: offset of the root element's start tag in the template. */
  readonly rootElement?: number;
  /** XML bodies: offset of a `<!DOCTYPE …>`, if the template has one. */
  readonly doctype?: number;
}

/**
 * What a method's scanner does with each piece of the template. The structure of
 * a body comes from its literal text alone, because variables may only stand in
 * value positions: that is what keeps a hostile value from changing it.
 */
export interface BodyScanner {
  /** Consumes literal text from `start`, returning the offset it got to (at most `end`). */
  step(start: number, end: number): number;
  variable(part: VariablePart): void;
  /** `{{ "{{" }}`: literal braces, at `offset`. */
  literalBraces(offset: number): void;
  finish(): ContextScan;
}

/** Feeds the template's parts to a scanner, in order. */
export function runScanner(parts: readonly TemplatePart[], scanner: BodyScanner): ContextScan {
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        for (let i = part.start; i < part.end;) {
          i = scanner.step(i, part.end);
        }
        break;
      case 'variable':
        scanner.variable(part);
        break;
      case 'braces':
        scanner.literalBraces(part.start);
        break;
    }
  }
  return scanner.finish();
}
