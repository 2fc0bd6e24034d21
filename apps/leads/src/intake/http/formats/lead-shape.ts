import type { BodyProblem } from './lead-body';

/** What a field of a lead holds: text, true/false, the answers, or nested fields. */
export type FieldKind = 'text' | 'boolean' | 'answers' | 'ignored';
export interface ObjectShape {
  readonly [name: string]: FieldKind | ObjectShape;
}

/**
 * The fields of `LeadReceived` v1 data, which every format maps onto. XML and
 * form bodies are all text; this says where text becomes something else.
 * `introducerId` is ignored in a body: the API key decides who the introducer is.
 */
export const LEAD_SHAPE: ObjectShape = {
  leadId: 'text',
  introducerId: 'ignored',
  leadType: 'text',
  externalReference: 'text',
  contact: {
    firstName: 'text',
    lastName: 'text',
    email: 'text',
    phone: 'text',
    address: { line1: 'text', line2: 'text', city: 'text', postcode: 'text', country: 'text' },
  },
  answers: 'answers',
  consent: { contactByPhone: 'boolean', contactByEmail: 'boolean', capturedAt: 'text' },
  receivedAt: 'text',
};

/** The declared types of an answer in XML (`type="number"`) and forms (`answers.x:number`). */
export type AnswerType = 'text' | 'number' | 'boolean';

export function isObjectShape(kind: FieldKind | ObjectShape | undefined): kind is ObjectShape {
  return typeof kind === 'object';
}

export function joinField(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

export function unknownField(field: string): BodyProblem {
  return { field, message: 'is not a field of a lead' };
}

export function repeatedField(field: string): BodyProblem {
  return { field, message: 'appears more than once' };
}

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);

/**
 * A consent flag from text: `true`/`false`/`1`/`0` (XML Schema's booleans, any
 * case), plus `on` where an HTML checkbox says so. Anything else stays text, so
 * the contract's validator reports it on its field like any wrong value.
 */
export function booleanFromText(text: string, allowOn: boolean): boolean | string {
  const word = text.trim().toLowerCase();
  if (TRUE.has(word) || (allowOn && word === 'on')) {
    return true;
  }
  return FALSE.has(word) ? false : text;
}

// Decimal numbers as JSON writes them: no hex, no leading zeros, no NaN or Infinity.
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** An answer from its text and declared type (text when none is declared), or the problem with it. */
export function answerFromText(
  text: string,
  type: string | undefined,
  field: string,
): { value: string | number | boolean } | { problem: BodyProblem } {
  switch (type ?? 'text') {
    case 'text':
      return { value: text };
    case 'number': {
      const value = Number(text.trim());
      return NUMBER.test(text.trim()) && Number.isFinite(value)
        ? { value }
        : {
            problem: { field, message: 'is declared a number but is not one, e.g. 250000 or 4.5' },
          };
    }
    case 'boolean': {
      const value = booleanFromText(text, false);
      return typeof value === 'boolean'
        ? { value }
        : { problem: { field, message: 'is declared a boolean but is not true or false' } };
    }
    default:
      return {
        problem: { field, message: 'has an unknown type: use text, number or boolean' },
      };
  }
}

/** Sets a property as an own data property, even one named like `__proto__` (the validator then refuses its name). */
export function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
