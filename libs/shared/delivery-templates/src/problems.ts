import { positionAt } from './syntax/position';

/** What is wrong with a template; stable codes a UI can map to help text. */
export enum TemplateProblemCode {
  EMPTY_TEMPLATE = 'EMPTY_TEMPLATE',
  TEMPLATE_TOO_LONG = 'TEMPLATE_TOO_LONG',
  UNCLOSED_BRACES = 'UNCLOSED_BRACES',
  INVALID_EXPRESSION = 'INVALID_EXPRESSION',
  UNKNOWN_VARIABLE = 'UNKNOWN_VARIABLE',
  VARIABLE_NOT_ALLOWED_HERE = 'VARIABLE_NOT_ALLOWED_HERE',
  MALFORMED_XML = 'MALFORMED_XML',
  NOT_A_SOAP_ENVELOPE = 'NOT_A_SOAP_ENVELOPE',
  WRONG_SOAP_NAMESPACE = 'WRONG_SOAP_NAMESPACE',
  MISSING_SOAP_BODY = 'MISSING_SOAP_BODY',
  SOAP_DOCTYPE_NOT_ALLOWED = 'SOAP_DOCTYPE_NOT_ALLOWED',
  INVALID_JSON = 'INVALID_JSON',
  INVALID_FORM = 'INVALID_FORM',
  /** A character the method can never carry (NUL; for XML and SOAP, what XML 1.0 forbids). */
  INVALID_CHARACTER = 'INVALID_CHARACTER',
}

/**
 * One problem in a template, positioned in the template as the operator wrote it
 * (1-based line and column; columns count UTF-16 code units, as editors do).
 */
export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** The variable the problem is about, as written. */
  readonly variable?: string;
  /** A known variable close to an unknown one ("did you mean"). */
  readonly suggestion?: string;
}

/** A problem found while scanning, positioned by offset until it is reported. */
export interface OffsetProblem {
  readonly code: TemplateProblemCode;
  readonly message: string;
  readonly offset: number;
  readonly variable?: string;
  readonly suggestion?: string;
}

/** Turns offsets into the line and column the operator sees, in document order. */
export function locateProblems(
  template: string,
  problems: readonly OffsetProblem[],
): TemplateProblem[] {
  return [...problems]
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, ...problem }) => ({ ...problem, ...positionAt(template, offset) }));
}
