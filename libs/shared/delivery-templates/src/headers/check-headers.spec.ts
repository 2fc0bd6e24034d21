import { DeliveryMethod } from '../delivery-method';
import { HeaderProblemCode } from './header-problem';
import { MAX_CUSTOM_HEADERS, checkHeaders } from './check-headers';

describe(checkHeaders.name, () => {
  it.each(Object.values(DeliveryMethod))('accepts an API key header for %s', (method) => {
    expect(checkHeaders(method, { 'X-Api-Key': 'k-123', Authorization: 'Bearer abc' })).toEqual({
      ok: true,
    });
  });

  it.each([
    'Content-Type',
    'content-length',
    'Content-Encoding',
    'Host',
    'Connection',
    'Keep-Alive',
    'Proxy-Connection',
    'TE',
    'Trailer',
    'Transfer-Encoding',
    'Upgrade',
  ])('refuses %s, which would break the HTTP exchange', (header) => {
    expect(checkHeaders(DeliveryMethod.JSON, { [header]: 'x' })).toMatchObject({
      ok: false,
      problems: [{ header, code: HeaderProblemCode.RESERVED_HEADER }],
    });
  });

  it('refuses SOAPAction for SOAP 1.1, which sets it from the SOAP action setting', () => {
    expect(checkHeaders(DeliveryMethod.SOAP_1_1, { soapaction: '"urn:x"' })).toEqual({
      ok: false,
      problems: [
        {
          header: 'soapaction',
          code: HeaderProblemCode.RESERVED_HEADER,
          message: 'cannot be set: LeadRail sets it from the SOAP action setting',
        },
      ],
    });
    expect(checkHeaders(DeliveryMethod.SOAP_1_2, { SOAPAction: '"urn:x"' })).toEqual({ ok: true });
  });

  it('accepts {{ delivery.id }} in a value and refuses every other variable', () => {
    expect(checkHeaders(DeliveryMethod.XML, { 'Idempotency-Key': 'lr-{{ delivery.id }}' })).toEqual(
      {
        ok: true,
      },
    );
    expect(checkHeaders(DeliveryMethod.XML, { 'X-Lead': '{{ lead.email }}' })).toMatchObject({
      ok: false,
      problems: [{ header: 'X-Lead', code: HeaderProblemCode.VARIABLE_NOT_ALLOWED }],
    });
  });

  it('refuses line breaks and control characters that could add headers of their own', () => {
    expect(
      checkHeaders(DeliveryMethod.POST, {
        'X-A': 'ok\r\nX-Admin: true',
        'X-B': 'é',
        'X-C': '{{ x',
      }),
    ).toMatchObject({
      ok: false,
      problems: [
        { header: 'X-A', code: HeaderProblemCode.INVALID_VALUE },
        { header: 'X-B', code: HeaderProblemCode.INVALID_VALUE },
        { header: 'X-C', code: HeaderProblemCode.INVALID_VALUE },
      ],
    });
  });

  it('refuses names that are not HTTP tokens and names given twice in any case', () => {
    expect(checkHeaders(DeliveryMethod.XML, { 'X Key': '1', 'X-Key': '1', 'x-key': '2' })).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ header: 'X Key', code: HeaderProblemCode.INVALID_NAME }),
        expect.objectContaining({ header: 'x-key', code: HeaderProblemCode.DUPLICATE_HEADER }),
      ],
    });
  });

  it.each([[5], [['a', 'b']], [null], [{ nested: 'x' }], [true]])(
    'refuses the value %p, which is not text',
    (value) => {
      const headers = { 'X-Api-Key': value } as unknown as Record<string, string>;
      expect(checkHeaders(DeliveryMethod.JSON, headers)).toEqual({
        ok: false,
        problems: [
          { header: 'X-Api-Key', code: HeaderProblemCode.INVALID_VALUE, message: 'must be text' },
        ],
      });
    },
  );

  it('accepts header names that are also names of object properties', () => {
    expect(
      checkHeaders(DeliveryMethod.XML, { constructor: '1', ['__proto__']: '2', toString: '3' }),
    ).toEqual({
      ok: true,
    });
  });

  it(`refuses more than ${MAX_CUSTOM_HEADERS} custom headers`, () => {
    const headers = Object.fromEntries(
      Array.from({ length: MAX_CUSTOM_HEADERS + 1 }, (_, i) => [`X-H${i}`, 'v']),
    );
    expect(checkHeaders(DeliveryMethod.XML, headers)).toMatchObject({
      ok: false,
      problems: [{ header: `X-H${MAX_CUSTOM_HEADERS}`, code: HeaderProblemCode.TOO_MANY_HEADERS }],
    });
  });
});
