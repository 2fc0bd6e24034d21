import { isSecretName, maskHeaders, maskUrl, maskValue } from './masking';

describe(maskValue.name, () => {
  it('keeps the first 4 characters of a long value', () => {
    expect(maskValue('sk_live_0123456789')).toBe('sk_l…');
  });

  it('hides a short value entirely', () => {
    expect(maskValue('hunter2')).toBe('***');
    expect(maskValue('12345678901')).toBe('***');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskValue('😀😀😀😀😀😀😀😀😀😀😀😀')).toBe('😀😀😀😀…');
  });

  it('leaves an empty value empty', () => {
    expect(maskValue('')).toBe('');
  });
});

describe(maskHeaders.name, () => {
  it('masks credentials and keeps everything else', () => {
    expect(
      maskHeaders({
        Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature',
        'Proxy-Authorization': 'Basic dXNlcjpwYXNzd29yZA==',
        Cookie: 'session=0123456789abcdef',
        'X-Api-Key': 'k-0123456789',
        'X-Auth-Token': 'short',
        'X-Client-Secret': 'abcdefghijklmnop',
        Api_Password: 'p4ssw0rd-long-enough',
        'Content-Type': 'application/json; charset=utf-8',
        'X-LeadRail-Delivery-Id': '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
      }),
    ).toEqual({
      Authorization: 'Bearer eyJh…',
      'Proxy-Authorization': 'Basic dXNl…',
      Cookie: 'sess…',
      'X-Api-Key': 'k-01…',
      'X-Auth-Token': '***',
      'X-Client-Secret': 'abcd…',
      Api_Password: 'p4ss…',
      'Content-Type': 'application/json; charset=utf-8',
      'X-LeadRail-Delivery-Id': '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    });
  });

  it('masks response headers: lower-case names, Set-Cookie lists', () => {
    expect(
      maskHeaders({
        'set-cookie': ['sid=0123456789abcdef; HttpOnly', 'theme=dark'],
        authorization: 'Bearer short',
        'www-authenticate': 'Bearer realm="leads"',
        'content-length': '12',
      }),
    ).toEqual({
      'set-cookie': 'sid=…',
      authorization: 'Bearer ***',
      'www-authenticate': 'Bearer realm="leads"',
      'content-length': '12',
    });
  });

  it('masks the names given as secret, case ignored', () => {
    expect(
      maskHeaders({ 'X-Partner-Code': 'ABCDEFGHIJKLMNOP', 'X-Other': 'x' }, ['x-partner-code']),
    ).toEqual({
      'X-Partner-Code': 'ABCD…',
      'X-Other': 'x',
    });
  });

  it('skips absent values', () => {
    expect(maskHeaders({ a: undefined, b: '1' })).toEqual({ b: '1' });
  });
});

describe(isSecretName.name, () => {
  it.each([
    'apikey',
    'api_key',
    'API-KEY',
    'access_token',
    'client.secret',
    'password',
    'sig',
    'pwd',
  ])('%s is a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['lead_id', 'campaign', 'accept', 'content-type', 'www-authenticate', 'signed'])(
    '%s is not',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );
});

describe(maskUrl.name, () => {
  it('masks secret query parameters, keeping the rest byte for byte', () => {
    expect(
      maskUrl('https://api.partner.example/leads?campaign=a%20b&apikey=0123456789abcdef&x=1+2#top'),
    ).toBe('https://api.partner.example/leads?campaign=a%20b&apikey=0123…&x=1+2#top');
  });

  it('masks short and encoded secrets and several of them', () => {
    expect(
      maskUrl('http://p.example/?token=abc&api_key=%C3%A9%C3%A9%C3%A9%C3%A9xxxxxxxxxx&sig='),
    ).toBe('http://p.example/?token=***&api_key=%C3%A9%C3%A9%C3%A9%C3%A9…&sig=');
  });

  it('masks the names given as secret', () => {
    expect(maskUrl('http://p.example/?account=1234567890123', ['account'])).toBe(
      'http://p.example/?account=1234…',
    );
  });

  it('masks credentials before the host', () => {
    expect(maskUrl('https://user:secret@p.example/leads?a=1')).toBe(
      'https://***@p.example/leads?a=1',
    );
  });

  it('leaves a URL without secrets as it is', () => {
    expect(maskUrl('https://p.example/leads?lead=1&flag')).toBe(
      'https://p.example/leads?lead=1&flag',
    );
  });
});
