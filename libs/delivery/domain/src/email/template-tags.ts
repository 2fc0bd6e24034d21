import { EmailTemplateProblemCode } from './email-template-error';

/** A piece of a template: literal text, `{{ "{{" }}` (literal braces), or a variable. */
export type TemplateTag =
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  | { readonly kind: 'braces'; readonly start: number; readonly end: number }
  | VariableTag;

export interface VariableTag {
  readonly kind: 'variable';
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** Where the name starts, for positions pointing at it. */
  readonly nameStart: number;
}

/** A problem found by offset, positioned once it is reported. */
export interface OffsetProblem {
  readonly code: EmailTemplateProblemCode;
  readonly message: string;
  readonly offset: number;
  readonly variable?: string;
  readonly suggestion?: string;
}

const OPEN = '{{';
const CLOSE = '}}';
const ESCAPED_BRACES = '"{{"';
// Broader than the catalogue's names on purpose: `Lead.First-Name` parses, so the
// operator is told which variable was meant instead of "invalid expression".
const NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/**
 * Splits a template into text and `{{ … }}` tags with the delivery templates'
 * syntax (docs/delivery-templates.md, "Syntax"): spaces inside the braces are
 * optional, a tag closes on its own line, `{{ "{{" }}` writes two braces, a
 * lone `}}` is text, and nothing but a name may stand between the braces.
 */
export function parseTemplateTags(template: string): {
  tags: TemplateTag[];
  problems: OffsetProblem[];
} {
  const tags: TemplateTag[] = [];
  const problems: OffsetProblem[] = [];
  let textStart = 0;
  let searchFrom = 0;
  for (
    let open = template.indexOf(OPEN, searchFrom);
    open !== -1;
    open = template.indexOf(OPEN, searchFrom)
  ) {
    const close = template.indexOf(CLOSE, open + OPEN.length);
    const lineEnd = template.indexOf('\n', open);
    if (close === -1 || (lineEnd !== -1 && close > lineEnd)) {
      problems.push({
        code: EmailTemplateProblemCode.UNCLOSED_BRACES,
        message: `"{{" is not closed by "}}" on the same line; write {{ ${ESCAPED_BRACES} }} for literal braces`,
        offset: open,
      });
      searchFrom = open + OPEN.length;
      continue;
    }
    if (open > textStart) {
      tags.push({ kind: 'text', start: textStart, end: open });
    }
    const end = close + CLOSE.length;
    const tag = parseTag(template, open, close);
    if ('code' in tag) {
      problems.push(tag);
    } else {
      tags.push(tag);
    }
    textStart = end;
    searchFrom = end;
  }
  if (textStart < template.length) {
    tags.push({ kind: 'text', start: textStart, end: template.length });
  }
  return { tags, problems };
}

function parseTag(template: string, open: number, close: number): TemplateTag | OffsetProblem {
  const inner = template.slice(open + OPEN.length, close);
  const expression = inner.trim();
  const end = close + CLOSE.length;
  if (expression === ESCAPED_BRACES) {
    return { kind: 'braces', start: open, end };
  }
  const nameStart = open + OPEN.length + (inner.length - inner.trimStart().length);
  if (NAME.test(expression)) {
    return { kind: 'variable', start: open, end, name: expression, nameStart };
  }
  return {
    code: EmailTemplateProblemCode.INVALID_EXPRESSION,
    message:
      expression === ''
        ? 'empty "{{ }}": write a variable name such as {{ lead.first_name }}'
        : `"{{${inner}}}" is not a variable: write a name such as {{ lead.first_name }} (no filters, spaces or code), or {{ ${ESCAPED_BRACES} }} for literal braces`,
    offset: nameStart,
  };
}

/**
 * The template with every tag replaced by as many `x` as it has characters, so
 * a scan of the markup sees no braces or quotes of tags at the same offsets.
 */
export function maskTags(template: string, tags: readonly TemplateTag[]): string {
  let masked = '';
  let from = 0;
  for (const tag of tags) {
    if (tag.kind !== 'text') {
      masked += template.slice(from, tag.start) + 'x'.repeat(tag.end - tag.start);
      from = tag.end;
    }
  }
  return masked + template.slice(from);
}
