import { Injectable } from '@nestjs/common';
import {
  type EmailTemplate,
  type EmailTemplateProblem,
  EmailTemplateProblemCode,
  type PreparedEmailBody,
  checkEmailTemplate,
  fillEmailBody,
  invalidEmailTemplate,
  prepareEmailBody,
  renderEmailSubject,
  renderEmailText,
} from '@leadrail/delivery-domain';
import { type TemplateInput, templateValues } from '@leadrail/delivery-templates';
import mjml from 'mjml';

/** A lead email ready to send. */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

interface CompiledBody {
  readonly prepared: PreparedEmailBody;
  readonly html: string;
}

// Templates change rarely: a handful of compiled bodies covers every change in flight.
const CACHED_BODIES = 16;

/**
 * Renders lead emails: the template's MJML is compiled once (with a token
 * where each variable stands, see `prepareEmailBody`) and kept, and each lead's
 * values are then written into the HTML, escaped for where they stand. The
 * subject and the plain-text part come from the domain. MJML never reads a
 * file (`mj-include` is refused and ignored) and never sees a lead's value.
 */
@Injectable()
export class EmailRenderer {
  private readonly bodies = new Map<string, Promise<CompiledBody>>();

  /** Subject, HTML and text for one delivery. Throws EmailTemplateError for an invalid template or missing values. */
  async render(template: EmailTemplate, input: TemplateInput): Promise<RenderedEmail> {
    const values = templateValues(input);
    const subject = renderEmailSubject(template.subject, values);
    const body = await this.compiled(template.mjml);
    return {
      subject,
      html: fillEmailBody(body.html, body.prepared, values),
      text: renderEmailText(values, subject),
    };
  }

  /**
   * Everything wrong with a template, MJML's own strict validation included
   * (unknown elements and attributes, elements in the wrong place), each with
   * its field, line and column. Empty when it may be saved.
   */
  async check(template: EmailTemplate): Promise<EmailTemplateProblem[]> {
    const problems = checkEmailTemplate(template);
    if (problems.some((problem) => problem.field === 'mjml')) {
      return problems;
    }
    return [...problems, ...(await mjmlProblems(prepareEmailBody(template.mjml)))];
  }

  private compiled(source: string): Promise<CompiledBody> {
    const cached = this.bodies.get(source);
    if (cached) {
      return cached;
    }
    const compiling = compile(source);
    this.bodies.set(source, compiling);
    // A failure is not kept: the next render tries again.
    compiling.catch(() => this.bodies.delete(source));
    if (this.bodies.size > CACHED_BODIES) {
      this.bodies.delete(this.bodies.keys().next().value!);
    }
    return compiling;
  }
}

const OPTIONS = { ignoreIncludes: true, keepComments: false, minify: false, beautify: false };

async function compile(source: string): Promise<CompiledBody> {
  const prepared = prepareEmailBody(source);
  // Saved templates passed strict validation; rendering must not fail on what a newer MJML adds to it.
  const { html } = await mjml(prepared.mjml, { ...OPTIONS, validationLevel: 'soft' });
  return { prepared, html };
}

async function mjmlProblems(prepared: PreparedEmailBody): Promise<EmailTemplateProblem[]> {
  try {
    const { errors } = await mjml(prepared.mjml, { ...OPTIONS, validationLevel: 'strict' });
    return errors.map((error) => mjmlProblem(error.line, `<${error.tagName}>: ${error.message}`));
  } catch (error) {
    const details = (error as { errors?: { line: number; message: string; tagName: string }[] })
      .errors;
    if (Array.isArray(details) && details.length > 0) {
      return details.map((detail) =>
        mjmlProblem(detail.line, `<${detail.tagName}>: ${detail.message}`),
      );
    }
    // The parser's own failure ("Parsing failed. Check your mjml.") carries no position.
    return [mjmlProblem(1, error instanceof Error ? error.message : String(error))];
  }
}

function mjmlProblem(line: number, message: string): EmailTemplateProblem {
  return {
    field: 'mjml',
    code: EmailTemplateProblemCode.INVALID_MJML,
    message,
    line: Number.isInteger(line) && line > 0 ? line : 1,
    column: 1,
  };
}

/** Throws INVALID_EMAIL_TEMPLATE when `problems` is not empty. */
export function assertNoProblems(problems: readonly EmailTemplateProblem[]): void {
  if (problems.length > 0) {
    throw invalidEmailTemplate(problems);
  }
}
