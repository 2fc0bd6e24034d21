import {
  type InternetRequestInput,
  InternetRequestError,
  LEADRAIL_USER_AGENT,
  buildInternetRequest,
} from './internet-request';

const DELIVERY_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';

function input(overrides: Partial<InternetRequestInput> = {}): InternetRequestInput {
  return {
    method: 'json',
    url: 'https://api.partner.example/leads',
    body: '{"first_name":"Ada"}',
    headers: {},
    soapAction: null,
    deliveryId: DELIVERY_ID,
    attempt: 1,
    ...overrides,
  };
}

function thrown(make: () => unknown): InternetRequestError {
  try {
    make();
  } catch (error) {
    if (error instanceof InternetRequestError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an InternetRequestError');
}

const leadRailHeaders = {
  Accept: '*/*',
  'Accept-Encoding': 'gzip, deflate, br',
  'User-Agent': LEADRAIL_USER_AGENT,
  'X-LeadRail-Delivery-Id': DELIVERY_ID,
  'X-LeadRail-Attempt': '1',
};

describe(buildInternetRequest.name, () => {
  it('posts JSON as application/json in UTF-8, with the delivery id and attempt', () => {
    expect(buildInternetRequest(input())).toEqual({
      method: 'POST',
      url: 'https://api.partner.example/leads',
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...leadRailHeaders },
      body: '{"first_name":"Ada"}',
    });
  });

  it.each([
    ['xml', 'application/xml; charset=utf-8'],
    ['post', 'application/x-www-form-urlencoded; charset=utf-8'],
  ] as const)('posts %s as %s', (method, contentType) => {
    const request = buildInternetRequest(input({ method, body: '<a/>', attempt: 3 }));
    expect(request.headers).toEqual({
      'Content-Type': contentType,
      ...leadRailHeaders,
      'X-LeadRail-Attempt': '3',
    });
    expect(request.body).toBe('<a/>');
  });

  it('sends SOAP 1.1 as text/xml with the quoted SOAPAction', () => {
    const request = buildInternetRequest(
      input({ method: 'soap-1.1', body: '<e/>', soapAction: 'urn:leads#AddLead' }),
    );
    expect(request.headers).toEqual({
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '"urn:leads#AddLead"',
      ...leadRailHeaders,
    });
  });

  it('sends an empty quoted SOAPAction for SOAP 1.1 without an action', () => {
    const request = buildInternetRequest(input({ method: 'soap-1.1', body: '<e/>' }));
    expect(request.headers['SOAPAction']).toBe('""');
  });

  it('sends SOAP 1.2 as application/soap+xml with the action parameter and no SOAPAction', () => {
    const request = buildInternetRequest(
      input({ method: 'soap-1.2', body: '<e/>', soapAction: 'urn:leads/AddLead' }),
    );
    expect(request.headers).toEqual({
      'Content-Type': 'application/soap+xml; charset=utf-8; action="urn:leads/AddLead"',
      ...leadRailHeaders,
    });
    const withoutAction = buildInternetRequest(input({ method: 'soap-1.2', body: '<e/>' }));
    expect(withoutAction.headers['Content-Type']).toBe('application/soap+xml; charset=utf-8');
  });

  it('ignores a SOAP action for methods other than SOAP', () => {
    const request = buildInternetRequest(input({ method: 'xml', soapAction: 'a"b' }));
    expect(request.headers['SOAPAction']).toBeUndefined();
    expect(request.headers['Content-Type']).toBe('application/xml; charset=utf-8');
  });

  it("adds the partner's headers, with {{ delivery.id }} filled in", () => {
    const request = buildInternetRequest(
      input({ headers: { 'X-Api-Key': ' k-123 ', 'Idempotency-Key': 'lr-{{ delivery.id }}' } }),
    );
    expect(request.headers).toMatchObject({
      'X-Api-Key': 'k-123',
      'Idempotency-Key': `lr-${DELIVERY_ID}`,
    });
  });

  it('lets the partner choose Accept and Accept-Encoding, whatever the case', () => {
    const request = buildInternetRequest(
      input({ headers: { accept: 'application/json', 'ACCEPT-ENCODING': 'identity' } }),
    );
    expect(request.headers).toMatchObject({
      accept: 'application/json',
      'ACCEPT-ENCODING': 'identity',
    });
    expect(request.headers['Accept']).toBeUndefined();
    expect(request.headers['Accept-Encoding']).toBeUndefined();
  });

  it("never lets the partner's headers replace LeadRail's own", () => {
    const request = buildInternetRequest(
      input({
        attempt: 2,
        headers: {
          'x-leadrail-delivery-id': 'forged',
          'X-LEADRAIL-ATTEMPT': '1',
          'X-LeadRail-Other': 'x',
          'user-agent': 'curl/8',
        },
      }),
    );
    expect(request.headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
      ...leadRailHeaders,
      'X-LeadRail-Attempt': '2',
    });
  });

  it.each([
    ['Content-Type', 'text/plain'],
    ['content-length', '1'],
    ['Host', 'evil.example'],
    ['Transfer-Encoding', 'chunked'],
  ])('refuses a partner header %s that LeadRail or the client sets', (name, value) => {
    const error = thrown(() => buildInternetRequest(input({ headers: { [name]: value } })));
    expect(error.code).toBe('INVALID_HEADERS');
    expect(error.problems).toEqual([
      expect.objectContaining({ header: name, code: 'RESERVED_HEADER' }),
    ]);
    expect(error.message).toContain(name);
  });

  it('refuses a SOAPAction header of the partner for SOAP 1.1', () => {
    const error = thrown(() =>
      buildInternetRequest(
        input({ method: 'soap-1.1', body: '<e/>', headers: { soapaction: '"urn:x"' } }),
      ),
    );
    expect(error.code).toBe('INVALID_HEADERS');
  });

  describe('hostile header values: a line break can never start a header', () => {
    it.each([
      ['CR LF in a value', { 'X-Api-Key': 'k\r\nX-Injected: 1' }],
      ['a lone LF', { 'X-Api-Key': 'k\nX-Injected: 1' }],
      ['a lone CR', { 'X-Api-Key': 'k\rX-Injected: 1' }],
      ['NUL', { 'X-Api-Key': 'k\u0000' }],
      ['unicode line separator', { 'X-Api-Key': 'k\u2028x' }],
      ['non-ASCII', { 'X-Api-Key': 'clé' }],
      ['CR LF in a name', { 'X-Api-Key\r\nX-Injected': '1' }],
      ['a colon in a name', { 'X-Injected: 1\r\nX-Api-Key': '1' }],
      ['a space in a name', { 'X Api Key': '1' }],
      ['a lead variable', { 'X-Name': '{{ lead.first_name }}' }],
    ])('%s is refused', (_case, headers) => {
      const error = thrown(() => buildInternetRequest(input({ headers })));
      expect(error.code).toBe('INVALID_HEADERS');
    });

    it.each([
      ['CR LF', `${DELIVERY_ID}\r\nX-Injected: 1`],
      ['a space', 'a b'],
      ['nothing', ''],
      ['non-ASCII', 'id-é'],
    ])('a delivery id with %s is refused', (_case, deliveryId) => {
      expect(thrown(() => buildInternetRequest(input({ deliveryId }))).code).toBe(
        'INVALID_DELIVERY_ID',
      );
    });

    it.each([
      ['a quote', 'urn:a"b'],
      ['CR LF', 'urn:a\r\nX-Injected: 1'],
      ['a backslash', 'urn:a\\b'],
      ['a space', 'urn:a b'],
    ])('a SOAP action with %s is refused', (_case, soapAction) => {
      for (const method of ['soap-1.1', 'soap-1.2'] as const) {
        const error = thrown(() =>
          buildInternetRequest(input({ method, body: '<e/>', soapAction })),
        );
        expect(error.code).toBe('INVALID_SOAP_ACTION');
      }
    });

    it('no built header name or value holds a control character', () => {
      const request = buildInternetRequest(
        input({
          method: 'soap-1.1',
          body: '<e>\r\n]]></e>',
          soapAction: 'urn:x',
          headers: { 'X-Tab': 'a\tb', 'X-Id': '{{delivery.id}}' },
        }),
      );
      for (const [name, value] of Object.entries(request.headers)) {
        expect(name).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
        expect(value).toMatch(/^[\t\x20-\x7e]*$/);
      }
      expect(request.body).toBe('<e>\r\n]]></e>');
    });
  });

  it('refuses a JSON body that does not parse, without quoting it', () => {
    const error = thrown(() =>
      buildInternetRequest(input({ body: '{"email":"ada@example.com",}' })),
    );
    expect(error.code).toBe('INVALID_JSON_BODY');
    expect(error.message).toContain('not valid JSON');
    expect(error.message).not.toContain('ada@example.com');
  });

  it('accepts any JSON value, and does not check other bodies as JSON', () => {
    expect(buildInternetRequest(input({ body: ' [1, "\\u2028"] ' })).body).toBe(' [1, "\\u2028"] ');
    expect(buildInternetRequest(input({ method: 'post', body: 'a=1&b={' })).body).toBe('a=1&b={');
  });

  it('keeps a long, unicode body byte for byte', () => {
    const body = JSON.stringify({ note: '日本語 😀 '.repeat(5000) });
    expect(buildInternetRequest(input({ body })).body).toBe(body);
  });

  it.each([
    ['not a URL', 'partner.example/leads'],
    ['ftp', 'ftp://partner.example/leads'],
    ['credentials', 'https://user:secret@partner.example/leads'],
  ])('refuses a URL that is %s', (_case, url) => {
    expect(thrown(() => buildInternetRequest(input({ url }))).code).toBe('INVALID_URL');
  });

  it('sends to the URL as the WHATWG parser normalises it', () => {
    expect(
      buildInternetRequest(input({ url: 'HTTPS://API.Partner.Example:443/a b?x=1' })).url,
    ).toBe('https://api.partner.example/a%20b?x=1');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses attempt %p', (attempt) => {
    expect(thrown(() => buildInternetRequest(input({ attempt }))).code).toBe('INVALID_ATTEMPT');
  });
});
