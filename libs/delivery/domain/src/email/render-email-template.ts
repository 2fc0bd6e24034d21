import { type TemplateValues, valueOf } from '@leadrail/delivery-templates';
import { analyseEmailBody, analyseEmailSubject } from './check-email-template';
import { addressHtml, answersTableHtml, displayValue } from './email-blocks';
import { encodeUrlValue, escapeHtml, oneLine } from './email-escaping';
import {
  EmailTemplateError,
  EmailTemplateErrorCode,
  invalidEmailTemplate,
} from './email-template-error';
import { type EmailVariableKind, findEmailTemplateVariable } from './email-variables';
import type { SlotContext } from './mjml-contexts';
import { type TemplateTag, parseTemplateTags } from './template-tags';

/** The longest subject sent, in characters; longer ones are cut with an ellipsis. */
export const MAX_SUBJECT_LENGTH = 250;

/** One variable of a prepared body: what it is and how its value is written. */
export interface EmailBodySlot {
  readonly name: string;
  readonly kind: EmailVariableKind;
  readonly optional: boolean;
  readonly context: SlotContext;
}

/**
 * An MJML body ready to compile once and fill per lead: every variable is a
 * token (`<prefix><n>x`, letters and digits that MJML copies as they are and
 * that the template does not contain), and each slot says how its value is
 * written. Compiling this rather than the filled MJML means a template is
 * compiled once, not once per lead, and no value ever reaches MJML's parser.
 */
export interface PreparedEmailBody {
  readonly mjml: string;
  readonly tokenPrefix: string;
  readonly slots: readonly EmailBodySlot[];
}

/** The body with tokens for variables; throws `INVALID_EMAIL_TEMPLATE` with the body's problems. */
export function prepareEmailBody(mjml: string): PreparedEmailBody {
  const analysis = analyseEmailBody(mjml);
  if (analysis.problems.length > 0) {
    throw invalidEmailTemplate(analysis.problems);
  }
  let tokenPrefix = 'lrvar';
  while (mjml.includes(tokenPrefix)) {
    tokenPrefix += 'q';
  }
  const contexts = new Map(analysis.slots.map((slot) => [slot.tag.start, slot]));
  const slots: EmailBodySlot[] = [];
  const chunks = analysis.tags.map((tag) => {
    if (tag.kind === 'text') {
      return mjml.slice(tag.start, tag.end);
    }
    if (tag.kind === 'braces') {
      return '{{';
    }
    const slot = contexts.get(tag.start)!;
    slots.push({
      name: tag.name,
      kind: slot.variable.kind,
      optional: slot.variable.optional,
      context: slot.context,
    });
    return `${tokenPrefix}${slots.length - 1}x`;
  });
  return { mjml: chunks.join(''), tokenPrefix, slots };
}

/**
 * The compiled HTML of a prepared body with each token replaced by its value,
 * written for where it stands: HTML-escaped in text and attributes,
 * percent-encoded (then escaped) in links, LeadRail's own markup around
 * escaped values for the address and the answers table. Missing optional
 * values are empty; a missing required one throws `MISSING_REQUIRED_VALUES`.
 */
export function fillEmailBody(
  html: string,
  prepared: PreparedEmailBody,
  values: TemplateValues,
): string {
  assertRequired(
    prepared.slots.filter((slot) => !slot.optional).map((slot) => slot.name),
    values,
  );
  const written = prepared.slots.map((slot) => writeSlot(slot, values));
  return html.replace(
    new RegExp(`${prepared.tokenPrefix}(\\d+)x`, 'g'),
    (token, index: string) => written[Number(index)] ?? token,
  );
}

function writeSlot(slot: EmailBodySlot, values: TemplateValues): string {
  if (slot.kind === 'block-html') {
    return answersTableHtml(values);
  }
  if (slot.kind === 'inline-html') {
    return addressHtml(values);
  }
  const value = valueOf(values, slot.name);
  if (value === undefined) {
    return '';
  }
  const text = String(value);
  return slot.context.kind === 'url'
    ? escapeHtml(encodeUrlValue(text, slot.context.scheme))
    : escapeHtml(text);
}

/**
 * The subject for one lead: values on one line (line breaks and control
 * characters become spaces), runs of white space collapsed, cut to
 * {@link MAX_SUBJECT_LENGTH} characters. Headers are encoded by the mailer, so
 * no value can add a header line.
 */
export function renderEmailSubject(subject: string, values: TemplateValues): string {
  const problems = analyseEmailSubject(subject);
  if (problems.length > 0) {
    throw invalidEmailTemplate(problems);
  }
  const { tags } = parseTemplateTags(subject);
  assertRequired(variableNames(tags), values);
  const rendered = tags
    .map((tag) => {
      if (tag.kind === 'text') {
        return subject.slice(tag.start, tag.end);
      }
      if (tag.kind === 'braces') {
        return '{{';
      }
      const value = valueOf(values, tag.name);
      return value === undefined ? '' : oneLine(displayValue(value));
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(rendered, MAX_SUBJECT_LENGTH);
}

function variableNames(tags: readonly TemplateTag[]): string[] {
  return tags.flatMap((tag) => (tag.kind === 'variable' ? [tag.name] : []));
}

function assertRequired(names: readonly string[], values: TemplateValues): void {
  const missing = [...new Set(names)].filter(
    (name) => isRequired(name) && valueOf(values, name) === undefined,
  );
  if (missing.length > 0) {
    throw new EmailTemplateError(
      EmailTemplateErrorCode.MISSING_REQUIRED_VALUES,
      `no value for ${missing.join(', ')}, which every lead has`,
    );
  }
}

function isRequired(name: string): boolean {
  return findEmailTemplateVariable(name)?.optional === false;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function truncate(text: string, max: number): string {
  const characters = Array.from(graphemes.segment(text), (part) => part.segment);
  return characters.length <= max
    ? text
    : `${characters
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
