import { OffsetProblem, TemplateProblemCode } from '../problems';
import type { TemplatePart, VariablePart } from './template-part';

const OPEN = '{{';
const CLOSE = '}}';
const ESCAPED_BRACES = '"{{"';
// Broader than the catalogue's names on purpose: `Lead.First-Name` parses, so the
// operator is told which variable was meant instead of "invalid expression".
const NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** A template split into literal text and tags, with the syntax problems found. */
export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly problems: readonly OffsetProblem[];
}

/**
 * Splits a template into text and `{{ … }}` tags. A tag closes on its own line,
 * so a forgotten `}}` is reported where it was forgotten rather than where the
 * next `}}` happens to be. A lone `}}` is literal text (JSON ends with them).
 */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: OffsetProblem[] = [];
  let textStart = 0;
  let searchFrom = 0;
  for (
    let open = template.indexOf(OPEN, searchFrom);
    open !== -1;
    open = template.indexOf(OPEN, searchFrom)
  ) {
    const close = template.indexOf(CLOSE, open + OPEN.length);
    const lineEnd = lineEndAfter(template, open);
    if (close === -1 || close > lineEnd) {
      problems.push({
        code: TemplateProblemCode.UNCLOSED_BRACES,
        message: `"{{" is not closed by "}}" on the same line; write {{ ${ESCAPED_BRACES} }} for literal braces`,
        offset: open,
      });
      searchFrom = open + OPEN.length;
      continue;
    }
    if (open > textStart) {
      parts.push({ kind: 'text', start: textStart, end: open });
    }
    const end = close + CLOSE.length;
    const tag = parseTag(template, open, close);
    if ('code' in tag) {
      problems.push(tag);
    } else {
      parts.push(tag);
    }
    textStart = end;
    searchFrom = end;
  }
  if (textStart < template.length) {
    parts.push({ kind: 'text', start: textStart, end: template.length });
  }
  return { parts, problems };
}

function lineEndAfter(template: string, offset: number): number {
  const lineEnd = template.indexOf('\n', offset);
  return lineEnd === -1 ? template.length : lineEnd;
}

function parseTag(template: string, open: number, close: number): TemplatePart | OffsetProblem {
  const inner = template.slice(open + OPEN.length, close);
  const expression = inner.trim();
  const end = close + CLOSE.length;
  if (expression === ESCAPED_BRACES) {
    return { kind: 'braces', start: open, end };
  }
  const nameStart = open + OPEN.length + (inner.length - inner.trimStart().length);
  if (NAME.test(expression)) {
    const variable: VariablePart = {
      kind: 'variable',
      start: open,
      end,
      name: expression,
      nameStart,
    };
    return variable;
  }
  return {
    code: TemplateProblemCode.INVALID_EXPRESSION,
    message:
      expression === ''
        ? 'empty "{{ }}": write a variable name such as {{ lead.first_name }}'
        : `"{{${inner}}}" is not a variable: write a name such as {{ lead.first_name }} (no filters, spaces or code), or {{ ${ESCAPED_BRACES} }} for literal braces`,
    offset: nameStart,
  };
}
