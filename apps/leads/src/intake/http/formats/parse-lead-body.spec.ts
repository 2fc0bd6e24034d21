import { parseLeadBody } from './parse-lead-body';

// expect's asymmetric matchers are typed any; typed here once, so assertions stay type-checked.
const containing = (text: string) => expect.stringContaining(text) as string;

describe(parseLeadBody.name, () => {
  it('reads JSON as LeadReceived v1 data, dropping introducerId and keeping JSON types', () => {
    const result = parseLeadBody(
      'application/json; charset=utf-8',
      JSON.stringify({
        introducerId: 'x',
        leadType: 'mortgage',
        consent: { contactByPhone: 'yes' },
      }),
    );
    expect(result).toEqual({
      ok: true,
      candidate: { leadType: 'mortgage', consent: { contactByPhone: 'yes' } },
    });
  });

  it('refuses JSON field names no lead has, at any depth the lead has', () => {
    expect(
      parseLeadBody(
        'application/json',
        '{"leadTyp":"a","contact":{"adress":{},"address":{"zip":"1"}}}',
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { field: 'leadTyp', message: 'is not a field of a lead' },
        { field: 'contact.adress', message: 'is not a field of a lead' },
        { field: 'contact.address.zip', message: 'is not a field of a lead' },
      ],
    });
  });

  it('reports malformed JSON and a body that is not an object', () => {
    expect(parseLeadBody('application/json', '{"leadType":')).toMatchObject({
      ok: false,
      reason: 'malformed',
      problems: [{ field: '', message: containing('not valid JSON') }],
    });
    expect(parseLeadBody('application/json', '[1]')).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });

  it('holds JSON to the input policy: deep nesting and NUL', () => {
    const deep = `{"answers":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(parseLeadBody('application/json', deep)).toMatchObject({
      ok: false,
      problems: [{ message: containing('nests deeper than 32 levels') }],
    });
    expect(parseLeadBody('application/json', '{"leadType":"a\\u0000"}')).toMatchObject({
      ok: false,
      problems: [{ field: 'leadType' }],
    });
  });

  it.each([
    [undefined, 'is missing'],
    ['text/plain', 'text/plain'],
    ['multipart/form-data; boundary=x', 'multipart'],
    ['application/xml; charset=iso-8859-1', 'UTF-8'],
  ])('refuses Content-Type %s as an unsupported media type', (contentType, mentioned) => {
    expect(parseLeadBody(contentType, '<lead/>')).toEqual({
      ok: false,
      reason: 'unsupported-media-type',
      problems: [{ field: '', message: containing(mentioned) }],
    });
  });

  it('refuses an empty body', () => {
    expect(parseLeadBody('application/xml', '  ')).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
