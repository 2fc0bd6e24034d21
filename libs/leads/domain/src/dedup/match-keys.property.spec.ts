import fc from 'fast-check';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import type { LeadDetails } from '../model/lead-details';
import { toLeadDetails } from '../validation/lead-details';
import type { DuplicateRule } from './duplicate-rule';
import { matchKeys } from './match-keys';
import { normaliseEmail } from './normalise-email';
import { toE164 } from './normalise-phone';
import { normalisePostcode } from './normalise-postcode';
import { foldText } from './normalise-text';

const base = toLeadDetails(mortgageLeadFromCrm.payload.data);
const rule: DuplicateRule = {
  id: 'every-key',
  keys: ['email', 'phone', 'name-postcode', 'external-reference'],
  scope: 'all-introducers',
  window: { type: 'all-time' },
  action: 'accept-and-link',
};

const word = fc.stringMatching(/^[a-z]{1,12}$/);
const ukMobile = fc.stringMatching(/^7[0-9]{9}$/);
const postcode = fc.tuple(
  fc.stringMatching(/^[a-z]{1,2}[0-9][a-z0-9]?$/),
  fc.stringMatching(/^[0-9][a-z]{2}$/),
);
/** A person, in one canonical spelling. */
const person = fc.record({
  first: word,
  last: word,
  user: word,
  domain: word,
  mobile: ukMobile,
  postcode,
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

/** The same text with each letter's case flipped at random. */
const recased = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(''));
const spaced = (text: string) => fc.constantFrom(text, ` ${text}`, `${text}  `, `\t${text} `);
const phoneFormats = (mobile: string) =>
  fc.constantFrom(
    `+44${mobile}`,
    `0${mobile}`,
    `0${mobile.slice(0, 4)} ${mobile.slice(4)}`,
    `+44 (0)${mobile.slice(0, 4)} ${mobile.slice(4)}`,
    `0044 ${mobile.slice(0, 4)} ${mobile.slice(4)}`,
    `(0${mobile.slice(0, 4)}) ${mobile.slice(4, 7)}-${mobile.slice(7)}`,
  );

function leadOf(
  p: Person,
  spelling: { first: string; last: string; email: string; phone: string; postcode: string },
): LeadDetails {
  const address = { ...base.contact.address!, postcode: spelling.postcode };
  return {
    ...base,
    contact: {
      ...base.contact,
      firstName: spelling.first,
      lastName: spelling.last,
      email: spelling.email,
      phone: spelling.phone,
      address,
    },
  };
}

/** The person written in some way a form might deliver. */
const writtenAs = (p: Person) =>
  fc
    .record({
      first: recased(p.first).chain(spaced),
      last: recased(p.last).chain(spaced),
      email: recased(`${p.user}@${p.domain}.com`).chain(spaced),
      phone: phoneFormats(p.mobile),
      postcode: fc
        .constantFrom(`${p.postcode[0]}${p.postcode[1]}`, ` ${p.postcode[0]}  ${p.postcode[1]} `)
        .chain(recased),
    })
    .map((spelling) => leadOf(p, spelling));

const keysOf = (lead: LeadDetails) => matchKeys(lead, rule).map((key) => key.stream);

describe('match keys (properties)', () => {
  it('normalises idempotently', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
        expect(normaliseEmail(normaliseEmail(text))).toBe(normaliseEmail(text));
        expect(normalisePostcode(normalisePostcode(text, 'GB'), 'GB')).toBe(
          normalisePostcode(text, 'GB'),
        );
        const phone = toE164(text);
        expect(phone === null ? null : toE164(phone)).toBe(phone);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives equal keys to the same person written differently', () => {
    fc.assert(
      fc.property(
        person.chain((p) => fc.tuple(writtenAs(p), writtenAs(p))),
        ([one, other]) => {
          expect(keysOf(one)).toEqual(keysOf(other));
        },
      ),
    );
  });

  it('gives different keys to different people', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const canonical = (p: Person) =>
          leadOf(p, {
            first: p.first,
            last: p.last,
            email: `${p.user}@${p.domain}.com`,
            phone: `+44${p.mobile}`,
            postcode: p.postcode.join(''),
          });
        const [emailA, phoneA, namePostcodeA] = keysOf(canonical(a));
        const [emailB, phoneB, namePostcodeB] = keysOf(canonical(b));
        expect(emailA === emailB).toBe(a.user === b.user && a.domain === b.domain);
        expect(phoneA === phoneB).toBe(a.mobile === b.mobile);
        const samePlace = a.postcode.join('') === b.postcode.join('');
        expect(namePostcodeA === namePostcodeB).toBe(
          a.first === b.first && a.last === b.last && samePlace,
        );
      }),
    );
  });

  it('keeps the parts of a key apart whatever they contain', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
        fc.pre(foldText(a) !== foldText(c) || foldText(b) !== foldText(d));
        fc.pre([a, b, c, d].every((part) => foldText(part) !== ''));
        const named = (first: string, last: string) =>
          matchKeys(
            { ...base, contact: { ...base.contact, firstName: first, lastName: last } },
            { keys: ['name-postcode'], scope: 'all-introducers' },
          );
        expect(named(a, b)[0]?.stream).not.toBe(named(c, d)[0]?.stream);
      }),
    );
  });
});
