import { OffsetProblem, TemplateProblemCode } from '../problems';
import type { VariablePart } from '../syntax/template-part';
import type { BodyScanner, ContextScan, ValueContext } from './context-scan';

type XmlState =
  | 'text'
  | 'start-tag'
  | 'attribute'
  | 'end-tag'
  | 'comment'
  | 'cdata'
  | 'instruction'
  | 'declaration';

const NOT_A_VALUE: Record<Exclude<XmlState, 'text' | 'attribute' | 'cdata'>, string> = {
  'start-tag': 'inside a tag, where element and attribute names go',
  'end-tag': 'inside an end tag',
  comment: 'inside a comment',
  instruction: 'inside a processing instruction or the XML declaration',
  declaration: 'inside a DOCTYPE declaration',
};
const OPENINGS: readonly (readonly [string, XmlState])[] = [
  ['<!--', 'comment'],
  ['<![CDATA[', 'cdata'],
  ['<?', 'instruction'],
  ['<!', 'declaration'],
  ['</', 'end-tag'],
  ['<', 'start-tag'],
];
const CLOSINGS: Partial<Record<XmlState, string>> = {
  comment: '-->',
  cdata: ']]>',
  instruction: '?>',
};
const REFERENCE = /&(?:#[0-9]+|#x[0-9A-Fa-f]+|([A-Za-z_:][A-Za-z0-9._:-]*));/y;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Follows an XML template's literal text far enough to know where each variable
 * sits (element text, attribute value, CDATA) and to refuse the places where an
 * escaped value could still change the document (names, comments, declarations).
 * It also catches what the well-formedness check lets through: a second root
 * element, text outside the root, `<` in an attribute value, undefined entities.
 * It is not a parser: element nesting is checked by fast-xml-parser.
 */
export class XmlScanner implements BodyScanner {
  private state: XmlState = 'text';
  private quote = '';
  private depth = 0;
  private declarationDepth = 0;
  private doctype: number | undefined;
  private rootElement: number | undefined;
  private reportedOutsideRoot = false;
  private readonly contexts = new Map<VariablePart, ValueContext>();
  private readonly problems: OffsetProblem[] = [];

  constructor(private readonly template: string) {}

  step(i: number): number {
    const c = this.template.charAt(i);
    switch (this.state) {
      case 'text':
        return this.inText(i, c);
      case 'start-tag':
        if (c === '"' || c === "'") {
          this.state = 'attribute';
          this.quote = c;
        } else if (c === '>') {
          // A self-closing tag opens nothing; everything else nests one level deeper.
          this.depth += this.template.charAt(i - 1) === '/' ? 0 : 1;
          this.state = 'text';
        }
        return i + 1;
      case 'attribute':
        if (c === this.quote) {
          this.state = 'start-tag';
        } else if (c === '<') {
          this.malformed(i, 'an attribute value cannot contain "<": write &lt;');
        } else if (c === '&') {
          return this.reference(i);
        }
        return i + 1;
      case 'end-tag':
        if (c === '>') {
          this.depth -= 1;
          this.state = 'text';
        }
        return i + 1;
      case 'declaration':
        return this.inDeclaration(i, c);
      case 'comment':
      case 'cdata':
      case 'instruction':
        return this.untilClosing(i, CLOSINGS[this.state] ?? '>');
    }
  }

  variable(part: VariablePart): void {
    const placement = this.placement();
    if ('context' in placement) {
      this.contexts.set(part, placement.context);
      return;
    }
    this.problems.push({
      code: TemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE,
      message: `{{ ${part.name} }} is ${placement.where}: variables may only stand in element text, attribute values or CDATA`,
      offset: part.nameStart,
      variable: part.name,
    });
  }

  literalBraces(offset: number): void {
    if (this.state === 'text' && this.depth === 0) {
      this.outsideRoot(offset);
    }
  }

  finish(): ContextScan {
    return {
      contexts: this.contexts,
      problems: this.problems,
      rootElement: this.rootElement,
      doctype: this.doctype,
    };
  }

  private placement(): { context: ValueContext } | { where: string } {
    switch (this.state) {
      case 'text':
        return this.depth > 0 ? { context: 'xml-text' } : { where: 'outside the root element' };
      case 'attribute':
        return { context: 'xml-attribute' };
      case 'cdata':
        return { context: 'xml-cdata' };
      case 'start-tag':
      case 'end-tag':
      case 'comment':
      case 'instruction':
      case 'declaration':
        return { where: NOT_A_VALUE[this.state] };
    }
  }

  private inText(i: number, c: string): number {
    if (c === '<') {
      const [opening, state] = OPENINGS.find(([text]) => this.template.startsWith(text, i)) ?? [
        '<',
        'start-tag',
      ];
      if (state === 'start-tag' && this.depth === 0) {
        this.openRoot(i);
      }
      if (state === 'declaration') {
        this.doctype ??= i;
        this.declarationDepth = 0;
      }
      this.state = state;
      return i + opening.length;
    }
    if (this.depth === 0 && !/\s/.test(c)) {
      this.outsideRoot(i);
    }
    return c === '&' ? this.reference(i) : i + 1;
  }

  private openRoot(i: number): void {
    if (this.rootElement === undefined) {
      this.rootElement = i;
    } else {
      this.malformed(i, 'a second root element: an XML document has exactly one');
    }
  }

  private inDeclaration(i: number, c: string): number {
    // A DOCTYPE's internal subset holds declarations of its own, each ending in ">".
    if (c === '[') {
      this.declarationDepth += 1;
    } else if (c === ']') {
      this.declarationDepth -= 1;
    } else if (c === '>' && this.declarationDepth <= 0) {
      this.state = 'text';
    }
    return i + 1;
  }

  private untilClosing(i: number, closing: string): number {
    if (this.template.startsWith(closing, i)) {
      this.state = 'text';
      return i + closing.length;
    }
    return i + 1;
  }

  private reference(i: number): number {
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(this.template);
    if (!match) {
      this.malformed(i, 'a literal "&" must be written &amp;');
      return i + 1;
    }
    const name = match[1];
    // Other entities exist only if a DOCTYPE declares them; the partner's parser decides then.
    if (name !== undefined && !PREDEFINED.has(name) && this.doctype === undefined) {
      this.malformed(
        i,
        `entity &${name}; is not defined: XML predefines only &amp; &lt; &gt; &quot; &apos;`,
      );
    }
    return i + match[0].length;
  }

  private outsideRoot(i: number): void {
    if (!this.reportedOutsideRoot) {
      this.reportedOutsideRoot = true;
      this.malformed(i, 'text outside the root element');
    }
  }

  private malformed(offset: number, detail: string): void {
    this.problems.push({
      code: TemplateProblemCode.MALFORMED_XML,
      message: `XML is not well-formed: ${detail}`,
      offset,
    });
  }
}
