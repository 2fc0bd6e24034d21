import {
  type EmailTemplateField,
  type EmailTemplateProblem,
  EmailTemplateProblemCode,
  positionIn,
} from './email-template-error';
import type { EmailTemplate } from './email-template-model';
import {
  type EmailTemplateVariable,
  findEmailTemplateVariable,
  suggestEmailVariable,
} from './email-variables';
import { type SlotContext, scanMjml } from './mjml-contexts';
import { type OffsetProblem, type VariableTag, maskTags, parseTemplateTags } from './template-tags';

/** Longest MJML body accepted: as long as a delivery body template, and far more than an email needs. */
export const MAX_MJML_LENGTH = 65_536;
/** Longest subject template, in characters (code points). */
export const MAX_SUBJECT_TEMPLATE_LENGTH = 300;

const INVALID_BODY_CHARACTER =
  /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const INVALID_SUBJECT_CHARACTER =
  /[\p{Cc}\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** One variable of the body, where it stands and what it is. */
export interface BodySlot {
  readonly tag: VariableTag;
  readonly variable: EmailTemplateVariable;
  readonly context: SlotContext;
}

/** The MJML body taken apart: its problems, and each variable's place when it has none. */
export interface BodyAnalysis {
  readonly problems: readonly EmailTemplateProblem[];
  readonly tags: ReturnType<typeof parseTemplateTags>['tags'];
  readonly slots: readonly BodySlot[];
}

/**
 * Everything wrong with a template that can be known without running MJML:
 * sizes, characters, brace syntax, unknown variables, and variables standing
 * where a value could change markup, styles or a link's scheme. (Whether the
 * MJML itself is valid is MJML's to say: the service compiles it strictly.)
 */
export function checkEmailTemplate(template: EmailTemplate): EmailTemplateProblem[] {
  return [...analyseEmailSubject(template.subject), ...analyseEmailBody(template.mjml).problems];
}

/** The body's problems and its variables' places. */
export function analyseEmailBody(mjml: string): BodyAnalysis {
  const problems: OffsetProblem[] = [];
  const empty = { tags: [], slots: [] };
  if (typeof mjml !== 'string' || mjml.trim() === '') {
    return { ...empty, problems: [problem('mjml', '', emptyProblem('the MJML body'))] };
  }
  if (mjml.length > MAX_MJML_LENGTH) {
    const message = `the MJML body is ${mjml.length} characters long; at most ${MAX_MJML_LENGTH} are accepted`;
    return { ...empty, problems: [problem('mjml', mjml, tooLong(message, MAX_MJML_LENGTH))] };
  }
  problems.push(...invalidCharacters(mjml, INVALID_BODY_CHARACTER, 'NUL and unpaired surrogates'));
  const parsed = parseTemplateTags(mjml);
  problems.push(...parsed.problems);
  const scan = scanMjml(maskTags(mjml, parsed.tags), mjml, parsed.tags);
  problems.push(...scan.problems);
  const slots: BodySlot[] = [];
  for (const tag of parsed.tags) {
    if (tag.kind !== 'variable') {
      continue;
    }
    const variable = findEmailTemplateVariable(tag.name);
    if (!variable) {
      problems.push(unknownVariable(tag));
      continue;
    }
    const context = scan.contextAt(tag.start);
    const refusal =
      context.kind === 'refused' ? context.message : misplacedMarkup(variable, context);
    if (refusal !== undefined) {
      problems.push(notAllowed(tag, refusal));
    } else if (context.kind !== 'refused') {
      slots.push({ tag, variable, context });
    }
  }
  return {
    problems: sorted(problems).map((found) => problem('mjml', mjml, found)),
    tags: parsed.tags,
    slots,
  };
}

/** The subject's problems: one line, not blank, known variables holding plain values. */
export function analyseEmailSubject(subject: string): EmailTemplateProblem[] {
  if (typeof subject !== 'string' || subject.trim() === '') {
    return [problem('subject', '', emptyProblem('the subject'))];
  }
  const length = Array.from(subject).length;
  if (length > MAX_SUBJECT_TEMPLATE_LENGTH) {
    const message = `the subject is ${length} characters long; at most ${MAX_SUBJECT_TEMPLATE_LENGTH} are accepted`;
    return [problem('subject', subject, tooLong(message, 0))];
  }
  const problems = invalidCharacters(
    subject,
    INVALID_SUBJECT_CHARACTER,
    'line breaks and other control characters (a subject is one line)',
  );
  const parsed = parseTemplateTags(subject);
  problems.push(...parsed.problems);
  for (const tag of parsed.tags) {
    if (tag.kind !== 'variable') {
      continue;
    }
    const variable = findEmailTemplateVariable(tag.name);
    if (!variable) {
      problems.push(unknownVariable(tag));
    } else if (variable.kind !== 'value') {
      problems.push(
        notAllowed(tag, `it is HTML and a subject is plain text; use it in the MJML body`),
      );
    }
  }
  return sorted(problems).map((found) => problem('subject', subject, found));
}

/** Why LeadRail's own markup cannot stand here, if it cannot. */
function misplacedMarkup(
  variable: EmailTemplateVariable,
  context: SlotContext,
): string | undefined {
  if (variable.kind === 'value') {
    return undefined;
  }
  if (variable.kind === 'block-html') {
    return context.kind === 'text' && context.flow === 'block'
      ? undefined
      : 'it is a block of HTML (a table): put it in the text of <mj-text> or <mj-raw>';
  }
  return context.kind === 'text' && context.flow !== 'plain'
    ? undefined
    : 'it is HTML with line breaks: put it in body text (<mj-text>, <mj-table>, <mj-button>, <mj-raw>), not in an attribute, <mj-title> or <mj-preview>';
}

function unknownVariable(tag: VariableTag): OffsetProblem {
  const suggestion = suggestEmailVariable(tag.name);
  return {
    code: EmailTemplateProblemCode.UNKNOWN_VARIABLE,
    message: `unknown variable "${tag.name}"${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
    offset: tag.nameStart,
    variable: tag.name,
    ...(suggestion ? { suggestion } : {}),
  };
}

function notAllowed(tag: VariableTag, why: string): OffsetProblem {
  return {
    code: EmailTemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE,
    message: `"${tag.name}" cannot stand here: ${why}`,
    offset: tag.nameStart,
    variable: tag.name,
  };
}

function emptyProblem(what: string): OffsetProblem {
  return { code: EmailTemplateProblemCode.EMPTY_TEMPLATE, message: `${what} is empty`, offset: 0 };
}

function tooLong(message: string, offset: number): OffsetProblem {
  return { code: EmailTemplateProblemCode.TEMPLATE_TOO_LONG, message, offset };
}

function invalidCharacters(text: string, pattern: RegExp, what: string): OffsetProblem[] {
  // Only the first few: one mistake repeated is one thing to fix.
  return [...text.matchAll(pattern)].slice(0, 5).map((match) => ({
    code: EmailTemplateProblemCode.INVALID_CHARACTER,
    message: `character U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not allowed here: no ${what}`,
    offset: match.index,
  }));
}

function sorted(problems: readonly OffsetProblem[]): OffsetProblem[] {
  return [...problems].sort((a, b) => a.offset - b.offset);
}

function problem(
  field: EmailTemplateField,
  text: string,
  found: OffsetProblem,
): EmailTemplateProblem {
  const { offset, ...rest } = found;
  return { field, ...rest, ...positionIn(text, offset) };
}
