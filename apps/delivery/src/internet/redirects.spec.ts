import { TransportFailureError } from './transport-failure';
import { nextStep } from './redirects';

const headers = {
  'Content-Type': 'application/json; charset=utf-8',
  Authorization: 'Bearer abc',
  'X-Api-Key': 'k-123',
  'X-Partner-Token': 't',
  'X-Campaign': 'spring',
  'X-LeadRail-Delivery-Id': 'd-1',
};

function failureOf(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    if (error instanceof TransportFailureError) {
      return error.failure.code;
    }
    throw error;
  }
  throw new Error('expected a transport failure');
}

const at = (status: number, location: string | undefined, followed = 0) => ({
  status,
  location,
  url: 'https://api.partner.example/leads?x=1',
  headers,
  followed,
});

describe(nextStep.name, () => {
  it.each([200, 201, 204, 301, 302, 303, 304, 400, 500])('keeps a %d as the answer', (status) => {
    expect(nextStep(at(status, '/elsewhere'))).toEqual({ kind: 'answer' });
  });

  it.each([307, 308])(
    'follows a %d to the resolved Location, with every header on the same host',
    (status) => {
      expect(nextStep(at(status, '/v2/leads#top'))).toEqual({
        kind: 'follow',
        url: 'https://api.partner.example/v2/leads',
        headers,
      });
    },
  );

  it('keeps the headers when only the port changes', () => {
    const step = nextStep(at(307, 'https://api.partner.example:8443/leads'));
    expect(step).toMatchObject({ kind: 'follow', headers });
  });

  it('drops credential headers when the redirect leaves the host', () => {
    expect(nextStep(at(307, 'https://other.example/leads'))).toEqual({
      kind: 'follow',
      url: 'https://other.example/leads',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Campaign': 'spring',
        'X-LeadRail-Delivery-Id': 'd-1',
      },
    });
  });

  it('refuses a redirect from https to http', () => {
    expect(failureOf(() => nextStep(at(308, 'http://api.partner.example/leads')))).toBe(
      'insecure-redirect',
    );
  });

  it.each([
    ['no Location', undefined],
    ['an empty Location', ' '],
    ['a Location that is not a URL', 'http://[::1'],
    ['another scheme', 'javascript:alert(1)'],
  ])('refuses a redirect with %s', (_case, location) => {
    expect(failureOf(() => nextStep(at(307, location)))).toBe('invalid-redirect');
  });

  it('refuses the redirect after the third', () => {
    expect(nextStep(at(307, '/a', 2))).toMatchObject({ kind: 'follow' });
    expect(failureOf(() => nextStep(at(307, '/a', 3)))).toBe('too-many-redirects');
    expect(failureOf(() => nextStep({ ...at(307, '/a', 1), maxRedirects: 1 }))).toBe(
      'too-many-redirects',
    );
  });
});
