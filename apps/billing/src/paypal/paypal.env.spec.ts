import { ConfigError } from '@leadrail/nest-kit';
import { paypalSettings } from './paypal.env';

const ALL = {
  PAYPAL_BASE_URL: 'https://api-m.sandbox.paypal.com/',
  PAYPAL_CLIENT_ID: 'AbC-123_x',
  PAYPAL_CLIENT_SECRET: 'EFG-secret-456',
  PAYPAL_WEBHOOK_ID: '8PT597110X687430LKGECATA',
};

function problemsOf(env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  try {
    paypalSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.problems];
    }
    throw error;
  }
  return [];
}

describe('the PayPal variables (PAYPAL_BASE_URL, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_WEBHOOK_ID)', () => {
  it('are optional together: none set is PayPal off', () => {
    expect(paypalSettings({})).toEqual({ paypal: null });
    expect(paypalSettings({ PAYPAL_BASE_URL: ' ', PAYPAL_WEBHOOK_ID: '' })).toEqual({
      paypal: null,
    });
  });

  it('read the connection when all four are set', () => {
    expect(paypalSettings({ ...ALL, PAYPAL_CLIENT_SECRET: ' EFG-secret-456\n' })).toEqual({
      paypal: {
        baseUrl: 'https://api-m.sandbox.paypal.com',
        clientId: 'AbC-123_x',
        clientSecret: 'EFG-secret-456',
        webhookId: '8PT597110X687430LKGECATA',
      },
    });
  });

  it('take plain http only on this machine (a test PayPal)', () => {
    expect(
      paypalSettings({ ...ALL, PAYPAL_BASE_URL: 'http://127.0.0.1:4010' }).paypal?.baseUrl,
    ).toBe('http://127.0.0.1:4010');
    expect(problemsOf({ ...ALL, PAYPAL_BASE_URL: 'http://api-m.paypal.com' })).toEqual([
      {
        variable: 'PAYPAL_BASE_URL',
        message: expect.stringContaining('the scheme is http') as unknown,
      },
    ]);
  });

  it('refuse half a configuration, naming each variable missing', () => {
    expect(problemsOf({ PAYPAL_BASE_URL: ALL.PAYPAL_BASE_URL }).map((p) => p.variable)).toEqual([
      'PAYPAL_CLIENT_ID',
      'PAYPAL_CLIENT_SECRET',
      'PAYPAL_WEBHOOK_ID',
    ]);
    expect(problemsOf({ PAYPAL_CLIENT_SECRET: 'x' })[0]?.message).toContain(
      'set all four to turn PayPal top-ups on, or none',
    );
  });

  it.each([
    ['PAYPAL_BASE_URL', 'https://api-m.paypal.com/v2', 'path, query or fragment'],
    ['PAYPAL_BASE_URL', 'https://user:pw@api-m.paypal.com', 'credentials go in'],
    ['PAYPAL_BASE_URL', 'api-m.paypal.com', 'not a URL'],
    ['PAYPAL_CLIENT_ID', 'with:colon', 'no spaces or colons'],
    ['PAYPAL_WEBHOOK_ID', 'WH-1234', 'letters and digits only'],
    ['PAYPAL_WEBHOOK_ID', 'A'.repeat(51), 'at most 50'],
  ])('refuse %s=%s', (variable, value, message) => {
    expect(problemsOf({ ...ALL, [variable]: value })).toEqual([
      { variable, message: expect.stringContaining(message) as unknown },
    ]);
  });

  it('never repeat the secret in a problem', () => {
    const problems = problemsOf({ ...ALL, PAYPAL_CLIENT_SECRET: 'top secret' });
    expect(problems).toHaveLength(1);
    expect(JSON.stringify(problems)).not.toContain('top secret');
  });
});
