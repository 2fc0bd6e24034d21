/** What is wrong with an email template; stable codes a UI can map to help text. */
export enum EmailTemplateProblemCode {
  EMPTY_TEMPLATE = 'EMPTY_TEMPLATE',
  TEMPLATE_TOO_LONG = 'TEMPLATE_TOO_LONG',
  /** NUL, unpaired surrogates, or (in the subject) a line break or other control character. */
  INVALID_CHARACTER = 'INVALID_CHARACTER',
  UNCLOSED_BRACES = 'UNCLOSED_BRACES',
  INVALID_EXPRESSION = 'INVALID_EXPRESSION',
  UNKNOWN_VARIABLE = 'UNKNOWN_VARIABLE',
  /** A variable where a value could change the markup or styles (a tag, a style, an `href` scheme). */
  VARIABLE_NOT_ALLOWED_HERE = 'VARIABLE_NOT_ALLOWED_HERE',
  /** The body does not start with `<mjml>`. */
  NOT_MJML = 'NOT_MJML',
  /** `<mj-include>`: templates are one self-contained document, never files of the server. */
  INCLUDE_NOT_ALLOWED = 'INCLUDE_NOT_ALLOWED',
  /** MJML's own validation (strict) refused the body; found by the service, which runs `mjml`. */
  INVALID_MJML = 'INVALID_MJML',
  /** The reason given for a change is blank, too long or holds control characters. */
  INVALID_REASON = 'INVALID_REASON',
}

/** The fields of a template (and of the command carrying it) a problem can be about. */
export type EmailTemplateField = 'subject' | 'mjml' | 'reason';

/**
 * One problem, positioned in the field as the operator wrote it (1-based line
 * and column; columns count UTF-16 code units, as editors do).
 */
export interface EmailTemplateProblem {
  readonly field: EmailTemplateField;
  readonly code: EmailTemplateProblemCode;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** The variable the problem is about, as written. */
  readonly variable?: string;
  /** A known variable close to an unknown one ("did you mean"). */
  readonly suggestion?: string;
}

export enum EmailTemplateErrorCode {
  /** The template has problems (see `problems`). */
  INVALID_EMAIL_TEMPLATE = 'INVALID_EMAIL_TEMPLATE',
  /** The command is malformed beyond its template (a reason too long). */
  INVALID_COMMAND = 'INVALID_COMMAND',
  /** A value every lead has (name, ids, value) was not given to render with. */
  MISSING_REQUIRED_VALUES = 'MISSING_REQUIRED_VALUES',
}

/** The one error of the email template domain; callers branch on `code` and read `problems`. */
export class EmailTemplateError extends Error {
  constructor(
    readonly code: EmailTemplateErrorCode,
    message: string,
    readonly problems: readonly EmailTemplateProblem[] = [],
  ) {
    super(message);
    this.name = 'EmailTemplateError';
  }

  /** The first field at fault, for callers that name one. */
  get field(): EmailTemplateField | undefined {
    return this.problems[0]?.field;
  }
}

/** The error for a template with `problems`. */
export function invalidEmailTemplate(
  problems: readonly EmailTemplateProblem[],
): EmailTemplateError {
  const fields = [...new Set(problems.map((problem) => problem.field))].join(' and ');
  return new EmailTemplateError(
    EmailTemplateErrorCode.INVALID_EMAIL_TEMPLATE,
    `the email template has ${problems.length} problem${problems.length === 1 ? '' : 's'} (${fields})`,
    problems,
  );
}

/** A 1-based line and column of a 0-based offset; lines end at `\n`. */
export function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
