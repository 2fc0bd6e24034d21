import { getExpectedTwilioSignature, validateRequest } from 'twilio';
import { twilioSignature } from './twilio-test-http';
import { TwilioTestServer } from './twilio-test-server';

/** The test Twilio over plain HTTP: what a client that is not the library would see. */
describe('TwilioTestServer', () => {
  let twilio: TwilioTestServer;

  beforeAll(async () => {
    twilio = await TwilioTestServer.start({ autoAdvance: false });
  });

  afterAll(() => twilio?.stop());

  const messagesPath = () => `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`;
  const basic = (user: string, secret: string) =>
    `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

  async function api(
    method: string,
    path: string,
    auth: string | null,
    form?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${twilio.baseUrl}${path}`, {
      method,
      headers: {
        ...(auth === null ? {} : { authorization: auth }),
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form === undefined ? undefined : new URLSearchParams(form).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('signs as the library expects, and the library accepts what it signs', () => {
    const url = 'https://leadrail.example.com/leadrail/notifications/twilio/status/n-1?x=1';
    const params = { MessageStatus: 'delivered', MessageSid: 'SM1', Body: 'a b+c&d=é' };
    const signature = twilioSignature(twilio.authToken, url, params);
    expect(signature).toBe(getExpectedTwilioSignature(twilio.authToken, url, params));
    expect(validateRequest(twilio.authToken, signature, url, params)).toBe(true);
    expect(validateRequest(twilio.authToken, signature, url, { ...params, Body: 'x' })).toBe(false);
    expect(validateRequest('0'.repeat(32), signature, url, params)).toBe(false);
  });

  it("refuses requests without the account's credentials: 401, code 20003", async () => {
    const refusals = [
      await api('GET', messagesPath(), null),
      await api('GET', messagesPath(), basic(twilio.accountSid, 'f'.repeat(32))),
      await api(
        'GET',
        `/2010-04-01/Accounts/AC${'0'.repeat(32)}/Messages.json`,
        basic(twilio.accountSid, twilio.authToken),
      ),
    ];
    for (const refusal of refusals) {
      expect(refusal).toEqual({
        status: 401,
        body: expect.objectContaining({
          code: 20003,
          message: 'Authenticate',
          status: 401,
        }) as unknown,
      });
    }
  });

  it('takes an API key as well as the Auth Token', async () => {
    const key = twilio.createApiKey();
    const sent = await api('POST', messagesPath(), basic(key.sid, key.secret), {
      To: '+447700900001',
      From: twilio.phoneNumber,
      Body: 'by key',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'queued',
      direction: 'outbound-api',
      date_sent: null,
    });
    expect(twilio.requests.at(-1)?.username).toBe(key.sid);
  });

  it("answers Twilio's error body for a request it refuses, and 404 for what is not there", async () => {
    const auth = basic(twilio.accountSid, twilio.authToken);
    const refused = await api('POST', messagesPath(), auth, { To: '+447700900001', Body: 'x' });
    expect(refused).toEqual({
      status: 400,
      body: {
        code: 21603,
        message: "A 'From' phone number is required.",
        more_info: 'https://www.twilio.com/docs/errors/21603',
        status: 400,
      },
    });
    const missing = await api(
      'GET',
      messagesPath().replace('.json', `/SM${'0'.repeat(32)}.json`),
      auth,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe(20404);
  });

  it('filters DateSent on date_sent: a message not sent yet matches no date filter', async () => {
    const auth = basic(twilio.accountSid, twilio.authToken);
    const to = '+447700900002';
    const created = await api('POST', messagesPath(), auth, {
      To: to,
      From: twilio.phoneNumber,
      Body: 'queued one',
    });
    const list = async (query: string) =>
      (
        (await api('GET', `${messagesPath()}?To=${encodeURIComponent(to)}${query}`, auth)).body
          .messages as { sid: string }[]
      ).map((m) => m.sid);
    const today = new Date().toISOString().slice(0, 10);
    expect(await list('')).toEqual([created.body.sid]);
    expect(await list(`&${encodeURIComponent('DateSent>')}=${today}`)).toEqual([]);
    await twilio.advance(created.body.sid as string);
    expect(await list(`&${encodeURIComponent('DateSent>')}=${today}`)).toEqual([created.body.sid]);
    expect(await list(`&DateSent=${today}`)).toEqual([created.body.sid]);
    expect(await list(`&${encodeURIComponent('DateSent<')}=2000-01-01`)).toEqual([]);
  });
});
