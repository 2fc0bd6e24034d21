import { RestException } from 'twilio';
import { rebase } from './twilio-client';
import { smsSendErrorOf } from './twilio-refusal';

describe("rebase: Twilio's REST API at another base URL", () => {
  const base = 'http://127.0.0.1:4010';

  it('keeps the path and query, changes the origin', () => {
    expect(
      rebase('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B1', base),
    ).toBe('http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?To=%2B1');
    expect(rebase('https://api.dublin.ie1.twilio.com/2010-04-01/Accounts.json', base)).toBe(
      'http://127.0.0.1:4010/2010-04-01/Accounts.json',
    );
  });

  it("leaves Twilio's own URLs alone when the base is Twilio's", () => {
    const uri = 'https://api.dublin.ie1.twilio.com/2010-04-01/Accounts.json';
    expect(rebase(uri, 'https://api.twilio.com')).toBe(uri);
  });

  it('refuses to send credentials anywhere else', () => {
    expect(() => rebase('https://evil.example.com/2010-04-01/x.json', base)).toThrow(
      "only calls Twilio's REST API",
    );
    expect(() => rebase('https://api.twilio.com.evil.example/x', base)).toThrow();
    expect(() => rebase('https://messaging.twilio.com/v1/Services', base)).toThrow();
  });
});

describe('smsSendErrorOf: what a failed send means to the notifications core', () => {
  const refusal = (status: number, code: number) =>
    new RestException({ statusCode: status, body: { code, message: `refused ${code}`, status } });

  it.each([
    [400, 21211, false, '21211'],
    [400, 21610, false, '21610'],
    [400, 21602, false, '21602'],
    [401, 20003, true, '20003'],
    [429, 20429, true, '20429'],
    [500, 20500, true, null],
    [503, 20503, true, null],
  ])('HTTP %i (%i): retryable %s, provider code %s', (status, code, retryable, providerCode) => {
    const error = smsSendErrorOf(refusal(status, code));
    expect(error).toMatchObject({ name: 'SmsSendError', retryable, providerCode });
    expect(error.message).toContain(`Twilio ${status} (${code}): refused ${code}`);
  });

  it('no answer at all: retryable, and the message may exist (no provider code)', () => {
    const error = smsSendErrorOf(
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    );
    expect(error).toMatchObject({ retryable: true, providerCode: null });
    expect(error.message).toBe('Twilio did not answer: socket hang up');
  });
});
