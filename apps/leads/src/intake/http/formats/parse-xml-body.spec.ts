import { parseLeadBody } from './parse-lead-body';

// expect's asymmetric matchers are typed any; typed here once, so assertions stay type-checked.
const containing = (text: string) => expect.stringContaining(text) as string;
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;

const xml = (body: string) => parseLeadBody('application/xml', body);

const FULL = `<?xml version="1.0" encoding="UTF-8"?>
<lead>
  <leadId>3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10</leadId>
  <leadType>mortgage</leadType>
  <externalReference>007</externalReference>
  <contact>
    <firstName>Tom</firstName>
    <lastName>O&apos;Connor &amp; Sons</lastName>
    <phone>07700900123</phone>
    <address>
      <line1>14 Albert Road</line1>
      <city>Manchester</city>
      <postcode>M14 5RL</postcode>
      <country>GB</country>
    </address>
  </contact>
  <answers>
    <loan_amount type="number">250000</loan_amount>
    <first_time_buyer type="boolean">true</first_time_buyer>
    <employment_status>employed</employment_status>
    <notes><![CDATA[call <after> 6pm]]></notes>
  </answers>
  <consent>
    <contactByPhone>true</contactByPhone>
    <contactByEmail>0</contactByEmail>
    <capturedAt>2026-11-25T08:59:38.000Z</capturedAt>
  </consent>
  <receivedAt>2026-11-25T08:59:41.220Z</receivedAt>
</lead>`;

describe('parseLeadBody (XML)', () => {
  it('reads a lead into the JSON shape, keeping text as text and typing answers and consent', () => {
    expect(xml(FULL)).toEqual({
      ok: true,
      candidate: {
        leadId: '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10',
        leadType: 'mortgage',
        externalReference: '007',
        contact: {
          firstName: 'Tom',
          lastName: "O'Connor & Sons",
          phone: '07700900123',
          address: {
            line1: '14 Albert Road',
            city: 'Manchester',
            postcode: 'M14 5RL',
            country: 'GB',
          },
        },
        answers: {
          loan_amount: 250000,
          first_time_buyer: true,
          employment_status: 'employed',
          notes: 'call <after> 6pm',
        },
        consent: {
          contactByPhone: true,
          contactByEmail: false,
          capturedAt: '2026-11-25T08:59:38.000Z',
        },
        receivedAt: '2026-11-25T08:59:41.220Z',
      },
    });
  });

  it('accepts text/xml, decodes character references and ignores introducerId and namespaces', () => {
    const result = parseLeadBody(
      'text/xml; charset=UTF-8',
      '<lead xmlns="urn:example"><introducerId>someone else</introducerId><contact><firstName>Ren&#233;e &#x1F600;</firstName></contact></lead>',
    );
    expect(result).toEqual({ ok: true, candidate: { contact: { firstName: 'Renée 😀' } } });
  });

  it('leaves a consent flag that is not true or false as text, for the validator to name', () => {
    const result = xml('<lead><consent><contactByPhone>yes</contactByPhone></consent></lead>');
    expect(result).toEqual({ ok: true, candidate: { consent: { contactByPhone: 'yes' } } });
  });

  it('treats an empty element as absent', () => {
    expect(xml('<lead><contact><email/><phone></phone></contact></lead>')).toEqual({
      ok: true,
      candidate: { contact: {} },
    });
  });

  it('refuses an external entity (XXE) before parsing, naming the line and column', () => {
    const result = xml(
      '<?xml version="1.0"?>\n<!DOCTYPE lead [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<lead><leadType>&x;</leadType></lead>',
    );
    expect(result).toEqual({
      ok: false,
      reason: 'malformed',
      problems: [
        {
          field: '',
          message: matching(/DOCTYPE.*not accepted.*\(line 2, column 1\)$/),
        },
      ],
    });
  });

  it('refuses a billion-laughs document and any entity XML does not predefine', () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><lead><leadType>&lol2;</leadType></lead>`;
    expect(xml(laughs)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(xml('<lead><leadType>&nbsp;</leadType></lead>')).toMatchObject({
      ok: false,
      problems: [{ field: '', message: containing('line 1, column 17') }],
    });
    expect(xml('<lead><leadType>&#0;</leadType></lead>')).toMatchObject({ ok: false });
  });

  it('lets "<!" through inside comments and CDATA, where it is text', () => {
    expect(
      xml('<lead><!-- <!DOCTYPE> --><leadType><![CDATA[<!ENTITY & x>]]></leadType></lead>'),
    ).toEqual({ ok: true, candidate: { leadType: '<!ENTITY & x>' } });
  });

  it('reports malformed XML as one problem with the parser’s line and column', () => {
    expect(xml('<lead>\n  <leadType>mortgage</leadtype>\n</lead>')).toEqual({
      ok: false,
      reason: 'malformed',
      problems: [
        {
          field: '',
          message: matching(/^the body is not well-formed XML: .*\(line 2, column \d+\)$/),
        },
      ],
    });
  });

  it('refuses nesting deeper than the input policy without overflowing the stack', () => {
    const deep = `<lead>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</lead>`;
    expect(xml(deep)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses NUL in a value, as every request body', () => {
    expect(xml('<lead><leadType>mort\u0000gage</leadType></lead>')).toMatchObject({
      ok: false,
      problems: [{ field: 'leadType', message: containing('NUL') }],
    });
  });

  it('names repeated, unknown, misplaced and mistyped fields', () => {
    const result = xml(`<lead>
      <leadType>a</leadType><leadType>b</leadType>
      <colour>red</colour>
      <contact>Tom</contact>
      <receivedAt><b>x</b></receivedAt>
      <consent type="x"><contactByPhone kind="y">true</contactByPhone></consent>
      <answers><amount type="number">12,5</amount><n type="integer">1</n><a>1</a><a>2</a><r><x/></r></answers>
    </lead>`);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    const { problems } = result as { problems: unknown[] };
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'leadType', message: 'appears more than once' },
        { field: 'colour', message: 'is not a field of a lead' },
        { field: 'contact', message: 'must hold elements, not text' },
        { field: 'receivedAt', message: 'must be text, not elements' },
        { field: 'consent', message: containing('no attributes') },
        { field: 'consent.contactByPhone', message: containing('no attributes') },
        { field: 'answers.amount', message: containing('not one') },
        { field: 'answers.n', message: containing('unknown type') },
        { field: 'answers.a', message: 'appears more than once' },
        { field: 'answers.r', message: 'must be text, not elements' },
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it('refuses any root but one <lead>', () => {
    expect(xml('<enquiry/>')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(xml('<lead/><lead/>')).toMatchObject({ ok: false });
    expect(xml('plain text')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
