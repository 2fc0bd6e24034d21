import { OffsetProblem, TemplateProblemCode } from '../problems';
import type { VariablePart } from '../syntax/template-part';
import type { BodyScanner, ContextScan, ValueContext } from './context-scan';

const UNICODE_ESCAPE_DIGITS = 4;

/**
 * Follows a JSON template's strings so that each variable is known to sit inside
 * a string (its value is string-escaped there) or bare where a value goes (it is
 * written as a whole JSON value). A variable right after a backslash is refused:
 * the backslash would swallow the first character of the escaped value (`\` +
 * `\"` makes `\\"`), and a quote could then end the string early.
 */
export class JsonScanner implements BodyScanner {
  private inString = false;
  /** 0: no escape open; -1: just after `\`; n > 0: hex digits of `\uXXXX` still due. */
  private escape = 0;
  private readonly contexts = new Map<VariablePart, ValueContext>();
  private readonly problems: OffsetProblem[] = [];

  constructor(private readonly template: string) {}

  step(i: number): number {
    const c = this.template.charAt(i);
    if (!this.inString) {
      this.inString = c === '"';
    } else if (this.escape === -1) {
      this.escape = c === 'u' ? UNICODE_ESCAPE_DIGITS : 0;
    } else if (this.escape > 0) {
      this.escape -= 1;
    } else if (c === '\\') {
      this.escape = -1;
    } else if (c === '"') {
      this.inString = false;
    }
    return i + 1;
  }

  variable(part: VariablePart): void {
    if (this.escape !== 0) {
      this.problems.push({
        code: TemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE,
        message: `{{ ${part.name} }} follows an unfinished escape ("\\"): the escape would take the value's first character`,
        offset: part.nameStart,
        variable: part.name,
      });
      // As if the value completed the escape, so the rest of the string scans as written.
      this.escape = 0;
      return;
    }
    this.contexts.set(part, this.inString ? 'json-string' : 'json-value');
  }

  literalBraces(): void {
    // "{{" is plain text inside a string; an unfinished escape before it is a JSON
    // error that the syntax check reports.
    this.escape = 0;
  }

  finish(): ContextScan {
    return { contexts: this.contexts, problems: this.problems };
  }
}
