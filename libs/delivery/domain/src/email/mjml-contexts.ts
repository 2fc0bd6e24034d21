import { EmailTemplateProblemCode } from './email-template-error';
import type { OffsetProblem, TemplateTag } from './template-tags';

/** Schemes a link may have when a variable follows them. */
export type UrlScheme = 'http' | 'https' | 'mailto' | 'tel';

/**
 * Where a variable stands in the MJML, which decides how its value is written:
 * - `text`: element text, HTML-escaped; `flow` says which markup LeadRail's own
 *   variables may add there (`plain`: none, in `<mj-title>` and `<mj-preview>`;
 *   `inline`: line breaks; `block`: tables, in `<mj-text>` and `<mj-raw>`);
 * - `attribute`: a quoted `alt` or `title`, HTML-escaped;
 * - `url`: a quoted `href` or `src` after a literal scheme, percent-encoded.
 */
export type SlotContext =
  | { readonly kind: 'text'; readonly flow: 'plain' | 'inline' | 'block' }
  | { readonly kind: 'attribute' }
  | { readonly kind: 'url'; readonly scheme: UrlScheme };

type Located = SlotContext | { readonly kind: 'refused'; readonly message: string };

interface Region {
  readonly start: number;
  readonly end: number;
  readonly context: Located;
}

const PLAIN = new Set(['mj-title', 'mj-preview']);
const BLOCK = new Set(['mj-text', 'mj-raw']);
const INLINE = new Set([
  'mj-button',
  'mj-table',
  'mj-navbar-link',
  'mj-accordion-title',
  'mj-accordion-text',
  'mj-social-element',
]);
// Elements whose content is not HTML text (styles, scripts) or is never shown.
const RAW_TEXT = new Set(['script', 'style', 'mj-style', 'textarea', 'noscript', 'iframe', 'xmp']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta']);
const SCHEME = /^\s*(https?|mailto|tel):/i;
const WEB_HOST = /^\s*https?:\/\/[^/?#\s]+[/?#]/i;

const IN_MARKUP =
  'a variable cannot stand inside a tag, a closing tag or an unquoted attribute value: a value there could change the markup';
const TEXT_ELEMENTS = '<mj-text>, <mj-button>, <mj-table>, <mj-raw>, <mj-title> or <mj-preview>';

/** What a scan of the MJML found: each variable's context, and problems of the document itself. */
export interface MjmlScan {
  contextAt(offset: number): Located;
  readonly problems: readonly OffsetProblem[];
}

/**
 * Scans MJML (with tags masked, see `maskTags`) as an HTML tokenizer would, and
 * records where text, `alt`/`title` values and links may take a value.
 * Everything else refuses one: tag and attribute names, unquoted values, other
 * attributes (styles, classes, sizes), comments, CDATA, `<mj-style>`,
 * `<style>` and `<script>`, and the head outside `<mj-title>` and `<mj-preview>`.
 */
export function scanMjml(masked: string, template: string, tags: readonly TemplateTag[]): MjmlScan {
  const regions: Region[] = [];
  const problems: OffsetProblem[] = [];
  const stack: string[] = [];
  const tagStarts = tags.filter((tag) => tag.kind !== 'text').map((tag) => tag.start);
  const n = masked.length;
  let i = 0;
  while (i < n) {
    const lt = masked.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      regions.push({ start: i, end: textEnd, context: textContext(stack) });
    }
    if (lt === -1) {
      break;
    }
    const special = specialSection(masked, lt);
    if (special) {
      regions.push({ start: lt, end: special.end, context: refused(special.message) });
      i = special.end;
    } else if (masked[lt + 1] === '/') {
      const end = endOf(masked, '>', lt);
      const name = /^<\/\s*([^\s>]+)/.exec(masked.slice(lt, end))?.[1]?.toLowerCase() ?? '';
      const open = stack.lastIndexOf(name);
      if (open !== -1) {
        stack.length = open;
      }
      i = end;
    } else if (/[A-Za-z]/.test(masked[lt + 1] ?? '')) {
      const tag = scanOpenTag(masked, lt);
      if (tag.name === 'mj-include') {
        problems.push({
          code: EmailTemplateProblemCode.INCLUDE_NOT_ALLOWED,
          message: '<mj-include> is not allowed: a template is one document, it reads no files',
          offset: lt,
        });
      }
      for (const attribute of tag.attributes) {
        const literal = template.slice(
          attribute.start,
          Math.min(attribute.end, firstAtOrAfter(tagStarts, attribute.start)),
        );
        regions.push({
          start: attribute.start,
          end: attribute.end,
          context: attribute.quoted
            ? attributeContext(tag.name, attribute.name, stack, literal)
            : refused(IN_MARKUP),
        });
      }
      i = tag.end;
      if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
        const close = masked.toLowerCase().indexOf(`</${tag.name}`, i);
        const contentEnd = close === -1 ? n : close;
        regions.push({
          start: i,
          end: contentEnd,
          context: refused(
            `a variable cannot stand inside <${tag.name}>: styles and scripts take no values`,
          ),
        });
        i = contentEnd;
      } else if (tag.name.startsWith('mj') && !tag.selfClosing && !VOID.has(tag.name)) {
        stack.push(tag.name);
      }
    } else {
      // A "<" that opens nothing is text.
      regions.push({ start: lt, end: lt + 1, context: textContext(stack) });
      i = lt + 1;
    }
  }
  if (!/^\s*(?:<\?[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<mjml[\s/>]/.test(masked)) {
    problems.push({
      code: EmailTemplateProblemCode.NOT_MJML,
      message: 'an MJML template is one <mjml> document: it starts with <mjml> and holds <mj-body>',
      offset: 0,
    });
  }
  return { contextAt: (offset) => lookup(regions, offset), problems };
}

function textContext(stack: readonly string[]): Located {
  const element = stack[stack.length - 1];
  if (element === undefined) {
    return refused('a variable cannot stand outside the <mjml> document');
  }
  if (PLAIN.has(element)) {
    return { kind: 'text', flow: 'plain' };
  }
  if (BLOCK.has(element)) {
    return { kind: 'text', flow: 'block' };
  }
  if (INLINE.has(element)) {
    return { kind: 'text', flow: 'inline' };
  }
  return refused(
    `text directly inside <${element}> is not shown: put variables in ${TEXT_ELEMENTS}`,
  );
}

function attributeContext(
  element: string,
  attribute: string,
  stack: readonly string[],
  literalPrefix: string,
): Located {
  if (element === 'mj-head' || stack.includes('mj-head')) {
    return refused(
      'in <mj-head>, variables may stand only in the text of <mj-title> and <mj-preview>',
    );
  }
  const name = attribute.toLowerCase();
  if (name === 'alt' || name === 'title') {
    return { kind: 'attribute' };
  }
  if (name === 'href' || name === 'src') {
    const scheme = SCHEME.exec(literalPrefix)?.[1]?.toLowerCase() as UrlScheme | undefined;
    if (!scheme) {
      return refused(
        `a variable in ${name} must follow a scheme written in the template (https://, http://, mailto: or tel:), e.g. href="mailto:{{ lead.email }}", so that no value decides what kind of link it is`,
      );
    }
    // A value may fill a web link's path or query, never choose the site it leads to.
    return scheme.startsWith('http') && !WEB_HOST.test(literalPrefix)
      ? refused(
          `a variable in an http(s) ${name} must come after the host written in the template, e.g. https://crm.example.com/leads/{{ lead.id }}, so that no value decides where the link leads`,
        )
      : { kind: 'url', scheme };
  }
  return refused(
    `a variable cannot stand in the "${attribute}" attribute, where a value could change styles or behaviour: only in alt, title, and in an href or src after its scheme`,
  );
}

function refused(message: string): Located {
  return { kind: 'refused', message };
}

/** Comments, CDATA and declarations: where they end, and why no value may stand in them. */
function specialSection(s: string, lt: number): { end: number; message: string } | undefined {
  if (s.startsWith('<!--', lt)) {
    return { end: endOf(s, '-->', lt + 4), message: 'a variable cannot stand in a comment' };
  }
  if (s.startsWith('<![CDATA[', lt)) {
    return { end: endOf(s, ']]>', lt + 9), message: 'a variable cannot stand in a CDATA section' };
  }
  if (s[lt + 1] === '!' || s[lt + 1] === '?') {
    return { end: endOf(s, '>', lt), message: 'a variable cannot stand in a declaration' };
  }
  return undefined;
}

function endOf(s: string, terminator: string, from: number): number {
  const found = s.indexOf(terminator, from);
  return found === -1 ? s.length : found + terminator.length;
}

interface ScannedAttribute {
  readonly name: string;
  /** The value's extent, without its quotes. */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

function scanOpenTag(
  s: string,
  lt: number,
): { name: string; end: number; selfClosing: boolean; attributes: ScannedAttribute[] } {
  const rawName = /^[^\s/>]+/.exec(s.slice(lt + 1, lt + 200))?.[0] ?? '';
  const attributes: ScannedAttribute[] = [];
  let i = lt + 1 + rawName.length;
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) {
      i += 1;
    }
    if (i >= s.length) {
      return { name: rawName.toLowerCase(), end: s.length, selfClosing: false, attributes };
    }
    if (s[i] === '>' || s.startsWith('/>', i)) {
      const selfClosing = s[i] === '/';
      return {
        name: rawName.toLowerCase(),
        end: i + (selfClosing ? 2 : 1),
        selfClosing,
        attributes,
      };
    }
    const name = /^[^\s=>/]+/.exec(s.slice(i, i + 200))?.[0];
    if (!name) {
      i += 1; // a stray "/"
      continue;
    }
    i += name.length;
    const equals = /^\s*=\s*/.exec(s.slice(i, i + 200))?.[0];
    if (equals === undefined) {
      continue;
    }
    i += equals.length;
    const quote = s[i];
    if (quote === '"' || quote === "'") {
      const close = s.indexOf(quote, i + 1);
      const end = close === -1 ? s.length : close;
      attributes.push({ name, start: i + 1, end, quoted: true });
      i = end + 1;
    } else {
      const value = /^[^\s>]*/.exec(s.slice(i))?.[0] ?? '';
      attributes.push({ name, start: i, end: i + value.length, quoted: false });
      i += value.length;
    }
  }
}

function firstAtOrAfter(sorted: readonly number[], offset: number): number {
  for (const value of sorted) {
    if (value >= offset) {
      return value;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** The region holding `offset`; anything between regions is markup. */
function lookup(regions: readonly Region[], offset: number): Located {
  let low = 0;
  let high = regions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const region = regions[middle]!;
    if (offset < region.start) {
      high = middle - 1;
    } else if (offset >= region.end) {
      low = middle + 1;
    } else {
      return region.context;
    }
  }
  return refused(IN_MARKUP);
}
