import fc from 'fast-check';
import { parseLeadBody } from './parse-lead-body';

// Text as a valid lead holds it: not blank, no control characters, only
// characters XML can carry, and trimmed (XML drops white space at the ends of values).
// eslint-disable-next-line no-control-regex
const NOT_CARRIED = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;
const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .map((value) => value.trim())
  .filter((value) => value !== '' && !NOT_CARRIED.test(value));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const utc = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());
const answerKey = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(_[a-z0-9]{1,4}){0,2}$/);
const answer = fc.oneof(
  fc.oneof(text, fc.constant('')),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
);

/** Drops absent optional fields, as a body without them reads back. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

const lead = fc
  .record({
    leadId: optional(fc.uuid()),
    leadType: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    externalReference: optional(text),
    contact: fc
      .record({
        firstName: text,
        lastName: text,
        email: optional(text),
        phone: optional(fc.stringMatching(/^(\+[1-9]|0)\d{6,13}$/)),
        address: optional(
          fc
            .record({
              line1: text,
              line2: optional(text),
              city: text,
              postcode: text,
              country: text,
            })
            .map(defined),
        ),
      })
      .map(defined),
    // No answers and an empty <answers/> read alike: absent.
    answers: optional(fc.dictionary(answerKey, answer, { minKeys: 1, maxKeys: 8 })),
    consent: fc.record({
      contactByPhone: fc.boolean(),
      contactByEmail: fc.boolean(),
      capturedAt: utc,
    }),
    receivedAt: utc,
  })
  .map(defined);

type Lead = Record<string, unknown>;

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const typeOf = (value: unknown) => (typeof value === 'string' ? 'text' : typeof value);

/** The lead as XML: one element per field, answers typed by attribute. */
function toXml(object: Lead, name = 'lead'): string {
  const children = Object.entries(object).map(([key, value]) => {
    if (key === 'answers') {
      const answers = Object.entries(value as Lead).map(
        ([answerKeyName, answerValue]) =>
          `<${answerKeyName} type="${typeOf(answerValue)}">${escape(String(answerValue))}</${answerKeyName}>`,
      );
      return `<answers>${answers.join('\n')}</answers>`;
    }
    return typeof value === 'object'
      ? toXml(value as Lead, key)
      : `<${key}>${escape(typeof value === 'string' ? value : JSON.stringify(value))}</${key}>`;
  });
  return `<${name}>\n  ${children.join('\n  ')}\n</${name}>`;
}

/** The lead as a form: one key per field, dotted or in brackets, answers typed by suffix. */
function toForm(object: Lead, brackets: boolean): string {
  const form = new URLSearchParams();
  const add = (path: string[], value: unknown): void => {
    if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        add([...path, key], child);
      }
      return;
    }
    const name = brackets
      ? `${path[0]}${path
          .slice(1)
          .map((part) => `[${part}]`)
          .join('')}`
      : path.join('.');
    const type = path[0] === 'answers' && typeof value !== 'string' ? `:${typeof value}` : '';
    form.append(`${name}${type}`, String(value));
  };
  add([], object);
  return form.toString();
}

describe('lead bodies in every format', () => {
  it('read back, from XML and from either form spelling, exactly the lead that was encoded', () => {
    fc.assert(
      fc.property(lead, fc.boolean(), (original, brackets) => {
        const fromXml = parseLeadBody('application/xml', toXml(original));
        const fromForm = parseLeadBody(
          'application/x-www-form-urlencoded',
          toForm(original, brackets),
        );
        const fromJson = parseLeadBody('application/json', JSON.stringify(original));
        expect(fromXml).toEqual({ ok: true, candidate: original });
        expect(fromForm).toEqual({ ok: true, candidate: original });
        expect(fromJson).toEqual({ ok: true, candidate: original });
      }),
      { numRuns: 300 },
    );
  });
});
