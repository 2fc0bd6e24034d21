import { OffsetProblem, TemplateProblemCode } from '../problems';
import type { VariablePart } from '../syntax/template-part';
import type { BodyScanner, ContextScan, ValueContext } from './context-scan';

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/y;

/**
 * Checks a POST template, `name=value&name=value`, as written: names are literal
 * (they come from the partner's API guide), values may hold variables, and literal
 * text is sent as written, so it must already be form-encoded (`+` or `%20` for a
 * space, `%26` for `&`). Because every value is encoded, a hostile value cannot
 * add a pair: the pairs are exactly those of the template.
 */
export class FormScanner implements BodyScanner {
  private inValue = false;
  private pairStart = 0;
  private nameLength = 0;
  private readonly contexts = new Map<VariablePart, ValueContext>();
  private readonly problems: OffsetProblem[] = [];

  constructor(private readonly template: string) {}

  step(i: number): number {
    const c = this.template.charAt(i);
    const code = c.charCodeAt(0);
    if (c === '&') {
      this.endPair(i);
      this.pairStart = i + 1;
    } else if (c === '=') {
      this.equals(i);
    } else if (c === '%') {
      PERCENT_ESCAPE.lastIndex = i;
      if (!PERCENT_ESCAPE.test(this.template)) {
        this.invalid(i, '"%" must start an escape of two hex digits: write %25 for a literal "%"');
      }
    } else if (code <= 0x20 || code === 0x7f) {
      this.invalid(i, 'spaces and line breaks must be encoded: write + or %20 for a space');
    } else if (code > 0x7e) {
      this.invalid(i, `"${c}" must be percent-encoded as UTF-8 (e.g. é is %C3%A9)`);
    } else if (!this.inValue) {
      this.nameLength += 1;
    }
    return i + 1;
  }

  variable(part: VariablePart): void {
    if (this.inValue) {
      this.contexts.set(part, 'form-value');
      return;
    }
    this.nameLength += 1;
    this.problems.push({
      code: TemplateProblemCode.VARIABLE_NOT_ALLOWED_HERE,
      message: `{{ ${part.name} }} is in a field name: variables may only stand in values (name={{ ${part.name} }})`,
      offset: part.nameStart,
      variable: part.name,
    });
  }

  literalBraces(): void {
    if (!this.inValue) {
      this.nameLength += 1;
    }
  }

  finish(): ContextScan {
    this.endPair(this.template.length);
    return { contexts: this.contexts, problems: this.problems };
  }

  private equals(i: number): void {
    if (this.inValue) {
      this.invalid(i, 'a second "=" in one pair: write %3D for a literal "="');
      return;
    }
    if (this.nameLength === 0) {
      this.invalid(i, 'a pair needs a field name before "="');
    }
    this.inValue = true;
  }

  private endPair(end: number): void {
    if (!this.inValue && this.nameLength === 0) {
      this.invalid(this.pairStart, 'an empty pair: remove the extra "&"');
    } else if (!this.inValue) {
      const name = this.template.slice(this.pairStart, end);
      this.invalid(this.pairStart, `field "${name}" has no "=": write ${name}=value`);
    }
    this.inValue = false;
    this.nameLength = 0;
  }

  private invalid(offset: number, detail: string): void {
    this.problems.push({
      code: TemplateProblemCode.INVALID_FORM,
      message: `not a form body: ${detail}`,
      offset,
    });
  }
}
