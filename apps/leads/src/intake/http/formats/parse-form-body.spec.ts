import type { LeadBodyResult } from './lead-body';
import { parseLeadBody } from './parse-lead-body';

// expect's asymmetric matchers are typed any; typed here once, so assertions stay type-checked.
const containing = (text: string) => expect.stringContaining(text) as string;

const form = (body: string) => parseLeadBody('application/x-www-form-urlencoded', body);

describe('parseLeadBody (form)', () => {
  it('reads dotted and bracketed keys into the JSON shape, typing consent and declared answers', () => {
    const body = [
      'leadType=mortgage',
      'contact.firstName=Tom',
      "contact[lastName]=O'Connor",
      'contact.phone=07700900123',
      'contact[address][postcode]=M14+5RL',
      'contact.address.country=GB',
      'contact.email=',
      'answers.loan_amount:number=250000',
      'answers[first_time_buyer]:boolean=1',
      'answers.reference=007',
      'answers.note=',
      'consent.contactByPhone=on',
      'consent.contactByEmail=false',
      'consent.capturedAt=2026-11-25T08%3A59%3A38.000Z',
      'introducerId=ignored',
    ].join('&');
    expect(form(body)).toEqual({
      ok: true,
      candidate: {
        leadType: 'mortgage',
        contact: {
          firstName: 'Tom',
          lastName: "O'Connor",
          phone: '07700900123',
          address: { postcode: 'M14 5RL', country: 'GB' },
        },
        answers: { loan_amount: 250000, first_time_buyer: true, reference: '007', note: '' },
        consent: {
          contactByPhone: true,
          contactByEmail: false,
          capturedAt: '2026-11-25T08:59:38.000Z',
        },
      },
    });
  });

  it('refuses a field sent twice, also when spelled both ways', () => {
    expect(form('leadType=a&leadType=b&contact.firstName=x&contact[firstName]=y')).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { field: 'leadType', message: 'appears more than once' },
        { field: 'contact.firstName', message: 'appears more than once' },
      ],
    });
  });

  it('names unknown, partial and malformed keys and wrong declared types', () => {
    const result = form(
      [
        'colour=red',
        'contact=Tom',
        'contact.firstName.x=1',
        'answers=1',
        'answers.a.b=1',
        'contact[=1',
        'leadType:number=1',
        'answers.amount:number=twelve',
        'answers.flag:boolean=maybe',
        'answers.x:date=1',
      ].join('&'),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { field: 'colour', message: 'is not a field of a lead' },
        { field: 'contact', message: containing('contact.<field>') },
        { field: 'contact.firstName.x', message: 'is not a field of a lead' },
        { field: 'answers', message: containing('answers.<question_key>') },
        { field: 'answers.a.b', message: containing('answers.<question_key>') },
        { field: 'contact[', message: containing('not a field name') },
        { field: 'leadType', message: containing('only answers declare a type') },
        { field: 'answers.amount', message: containing('not one') },
        { field: 'answers.flag', message: containing('not true or false') },
        { field: 'answers.x', message: containing('unknown type') },
      ],
    });
  });

  it('keeps a __proto__ answer as an own property for the validator to refuse, polluting nothing', () => {
    const result = form('answers.__proto__=x&answers.constructor=y');
    expect(result.ok).toBe(true);
    const { candidate } = result as Extract<LeadBodyResult, { ok: true }>;
    expect(Object.keys(candidate.answers as object)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves an unrecognised consent flag as text, for the validator to name', () => {
    expect(form('consent.contactByEmail=yes')).toEqual({
      ok: true,
      candidate: { consent: { contactByEmail: 'yes' } },
    });
  });

  it('refuses NUL, as every request body', () => {
    expect(form('leadType=a%00b')).toMatchObject({
      ok: false,
      problems: [{ field: 'leadType', message: containing('NUL') }],
    });
  });
});
