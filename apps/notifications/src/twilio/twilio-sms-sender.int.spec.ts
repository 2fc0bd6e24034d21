import { randomUUID } from 'node:crypto';
import { expectEventually } from '@leadrail/testing';
import { getExpectedTwilioSignature } from 'twilio';
import { SMS_SENDER, SmsSendError, type SmsSender, type SmsToSend } from '../ports/sms-sender';
import { TwilioTestServer } from './testing/twilio-test-server';
import { type TwilioTestApp, startTwilioTestApp } from './testing/twilio-test-app';
import { twilioSettings } from './twilio.env';
import { createTwilioClient } from './twilio-client';
import { SMS_NOT_CONFIGURED, SmsNotConfigured, TwilioSmsSender } from './twilio-sms-sender';

/**
 * The SMS adapter with the real `twilio` library against the local Twilio
 * (node:http), and Twilio's signed status callbacks through the module's
 * route over HTTP, behind a gateway at PUBLIC_NOTIFICATIONS_URL, into an
 * in-memory sink standing in for the notifications core's.
 */
jest.setTimeout(60_000);

let numbers = 0;
/** A fresh UK mobile number per test: the test Twilio keeps every message. */
const freshNumber = () => `+4477009${String(10_000 + (numbers += 1)).padStart(5, '0')}`;

describe('TwilioSmsSender (Messages API) and status callbacks', () => {
  let twilio: TwilioTestServer;
  let service: TwilioTestApp;
  let sender: SmsSender;

  beforeAll(async () => {
    twilio = await TwilioTestServer.start({ stepMs: 20 });
    service = await startTwilioTestApp(twilio.env());
    sender = service.app.get<SmsSender>(SMS_SENDER);
  });

  afterAll(async () => {
    await twilio?.stop();
    await service?.close();
  });

  const text = (
    to = freshNumber(),
    body = `LeadRail: a lead is waiting. Ref ${randomUUID().slice(0, 8)}`,
  ) => ({
    notificationId: randomUUID(),
    to,
    body,
    firstAttemptAt: new Date(),
  });
  const statusesOf = (notificationId: string) =>
    service.statuses.filter((s) => s.notificationId === notificationId);

  async function refusal(sending: Promise<unknown>): Promise<SmsSendError> {
    const error = await sending.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SmsSendError);
    return error as SmsSendError;
  }

  it('sends a text: To, From, Body and a StatusCallback naming the notification, as the account', async () => {
    const sms = text();
    const sent = await sender.send(sms);
    expect(sender.enabled).toBe(true);
    expect(sent).toEqual({
      providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) as unknown,
      status: 'queued',
    });
    const request = twilio.requests.at(-1)!;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`,
      username: twilio.accountSid,
      form: {
        To: sms.to,
        From: twilio.phoneNumber,
        Body: sms.body,
        StatusCallback: `${service.publicUrl}/notifications/twilio/status/${sms.notificationId}`,
      },
    });
    expect(request.headers['user-agent']).toMatch(/^twilio-node\//);
  });

  it("records Twilio's signed callbacks, sent then delivered, and nothing unsigned got through", async () => {
    const sms = text();
    const { providerId } = await sender.send(sms);
    await expectEventually(() =>
      expect(statusesOf(sms.notificationId).map((s) => s.status)).toEqual(['sent', 'delivered']),
    );
    expect(statusesOf(sms.notificationId)).toEqual([
      {
        notificationId: sms.notificationId,
        providerId,
        status: 'sent',
        errorCode: null,
        at: expect.any(String) as unknown,
      },
      {
        notificationId: sms.notificationId,
        providerId,
        status: 'delivered',
        errorCode: null,
        at: expect.any(String) as unknown,
      },
    ]);
    const callbacks = twilio.callbacks.filter((c) => c.params.MessageSid === providerId);
    expect(callbacks.map((c) => c.status)).toEqual([204, 204]);
    expect(callbacks[0]!.url).toBe(
      `${service.publicUrl}/notifications/twilio/status/${sms.notificationId}`,
    );
  });

  it('records an undelivered text with its error code', async () => {
    const sms = text();
    twilio.failDelivery(sms.to, 'undelivered', 30003);
    await sender.send(sms);
    await expectEventually(() =>
      expect(statusesOf(sms.notificationId).map((s) => [s.status, s.errorCode])).toEqual([
        ['sent', null],
        ['undelivered', '30003'],
      ]),
    );
  });

  describe('refuses forged and tampered callbacks (403, nothing recorded)', () => {
    it.each([
      ['no signature', () => null],
      ['a made-up signature', () => 'bm90IGEgc2lnbmF0dXJl'],
      [
        'parameters changed after signing',
        (url: string, params: Record<string, string>) =>
          twilio.sign(url, { ...params, MessageStatus: 'sent' }),
      ],
      [
        "another notification's URL",
        (url: string, params: Record<string, string>) =>
          twilio.sign(url.replace(/status\/.*$/, `status/${randomUUID()}`), params),
      ],
      [
        "another account's Auth Token",
        (url: string, params: Record<string, string>) =>
          getExpectedTwilioSignature('0'.repeat(32), url, params),
      ],
    ])('%s', async (_, signatureFor) => {
      const notificationId = randomUUID();
      const url = `${service.publicUrl}/notifications/twilio/status/${notificationId}`;
      const params = {
        AccountSid: twilio.accountSid,
        MessageSid: `SM${'1'.repeat(32)}`,
        MessageStatus: 'delivered',
        To: '+447700900999',
      };
      const answer = await twilio.post(url, params, signatureFor(url, params));
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({
        message: expect.stringContaining('X-Twilio-Signature') as unknown,
      });
      expect(statusesOf(notificationId)).toEqual([]);
      // The same callback, signed as Twilio signs it, is recorded.
      expect((await twilio.post(url, params)).status).toBe(204);
      expect(statusesOf(notificationId)).toHaveLength(1);
    });

    it('a JSON body, whatever its signature', async () => {
      const notificationId = randomUUID();
      const url = `${service.publicUrl}/notifications/twilio/status/${notificationId}`;
      const body = { MessageSid: 'SM1', MessageStatus: 'delivered' };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-twilio-signature': twilio.sign(url, {}) },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(403);
      expect(statusesOf(notificationId)).toEqual([]);
    });
  });

  describe("maps Twilio's refusals to SmsSendError", () => {
    it.each([
      ['a To that is no phone number', { to: '12345' }, '21211'],
      ['an empty body', { body: '' }, '21602'],
      ['a body over 1600 characters', { body: 'x'.repeat(1601) }, '21617'],
    ])('%s: final, with the code', async (_, change, code) => {
      const error = await refusal(sender.send({ ...text(), ...change }));
      expect(error).toMatchObject({ retryable: false, providerCode: code });
    });

    it('an unsubscribed number (21610): final', async () => {
      const sms = text();
      twilio.refuseMessagesTo(sms.to, 21610);
      expect(await refusal(sender.send(sms))).toMatchObject({
        retryable: false,
        providerCode: '21610',
      });
    });

    it.each([
      [429, '20429'],
      [500, null],
      [503, null],
    ])('HTTP %i: retried (code %s)', async (status, code) => {
      twilio.failNext(status);
      const error = await refusal(sender.send(text()));
      expect(error).toMatchObject({ retryable: true, providerCode: code });
    });

    it('wrong credentials (401, 20003): retried once an operator fixes them', async () => {
      const env = { ...twilio.env(), TWILIO_AUTH_TOKEN: 'e'.repeat(32), ...publicEnv() };
      const wrong = senderFor(env);
      expect(await refusal(wrong.send(text()))).toMatchObject({
        retryable: true,
        providerCode: '20003',
      });
    });

    it('no Twilio at all (connection refused): retried, and the message may exist', async () => {
      const env = { ...twilio.env(), TWILIO_API_BASE_URL: 'http://127.0.0.1:9', ...publicEnv() };
      expect(await refusal(senderFor(env).send(text()))).toMatchObject({
        retryable: true,
        providerCode: null,
      });
    });
  });

  describe('findSent: the text an earlier attempt sent, looked up instead of sent again', () => {
    it('finds a text whose answer was lost, and sends nothing more', async () => {
      const sms = text();
      twilio.loseNextAnswer();
      const lost = await refusal(sender.send(sms));
      expect(lost).toMatchObject({ retryable: true, providerCode: null });
      const created = twilio.messages.filter((m) => m.to === sms.to);
      expect(created).toHaveLength(1);
      expect(await sender.findSent(sms)).toEqual({
        providerId: created[0]!.sid,
        status: expect.any(String) as unknown,
      });
      expect(twilio.messages.filter((m) => m.to === sms.to)).toHaveLength(1);
    });

    it('finds a delivered one among many to the same number (the list is paged)', async () => {
      const sms = text();
      const { providerId } = await sender.send(sms);
      const client = createTwilioClient(
        twilioSettings({ ...twilio.env(), ...publicEnv() }).twilio!,
      );
      for (let i = 0; i < 120; i += 1) {
        await client.messages.create({ to: sms.to, from: twilio.phoneNumber, body: `other ${i}` });
      }
      await twilio.settled();
      const before = twilio.requests.length;
      expect(await sender.findSent(sms)).toEqual({ providerId, status: 'delivered' });
      const lookups = twilio.requests.slice(before);
      expect(lookups.map((r) => [r.method, r.query.Page ?? '0'])).toEqual([
        ['GET', '0'],
        ['GET', '1'],
      ]);
      expect(lookups[0]!.query).toMatchObject({
        To: sms.to,
        From: twilio.phoneNumber,
        PageSize: '100',
      });
      expect(lookups[0]!.query['DateSent>']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    it('finds nothing for another body, another number, or a text older than the first attempt', async () => {
      const sms = text();
      await sender.send(sms);
      await twilio.settled();
      expect(await sender.findSent({ ...sms, body: `${sms.body}!` })).toBeNull();
      expect(await sender.findSent({ ...sms, to: freshNumber() })).toBeNull();
      const later = new Date(Date.now() + 5 * 60_000);
      expect(await sender.findSent({ ...sms, firstAttemptAt: later })).toBeNull();
    });
  });

  function publicEnv() {
    return {
      PUBLIC_NOTIFICATIONS_URL: service.publicUrl,
      PARTNERS_URL: 'http://127.0.0.1:9',
      PARTNERS_TOKEN: 'x'.repeat(20),
    };
  }

  function senderFor(env: Record<string, string>): TwilioSmsSender {
    const connection = twilioSettings(env).twilio!;
    return new TwilioSmsSender(createTwilioClient(connection), connection);
  }
});

describe('TwilioSmsSender through a Messaging Service, with messages still queued', () => {
  let twilio: TwilioTestServer;
  let sender: TwilioSmsSender;

  beforeAll(async () => {
    twilio = await TwilioTestServer.start({ autoAdvance: false });
    const connection = twilioSettings({
      ...twilio.env('messaging-service'),
      PUBLIC_NOTIFICATIONS_URL: 'https://leadrail.example.com',
      PARTNERS_URL: 'http://127.0.0.1:9',
      PARTNERS_TOKEN: 'x'.repeat(20),
    }).twilio!;
    sender = new TwilioSmsSender(createTwilioClient(connection), connection);
  });

  afterAll(() => twilio?.stop());

  it('sends with MessagingServiceSid and no From; finds it while accepted and once queued', async () => {
    const sms: SmsToSend = {
      notificationId: randomUUID(),
      to: '+447700900321',
      body: 'Low funds. Ref 1a2b',
      firstAttemptAt: new Date(),
    };
    const sent = await sender.send(sms);
    expect(sent.status).toBe('accepted');
    expect(twilio.requests.at(-1)!.form).toEqual({
      To: sms.to,
      Body: sms.body,
      MessagingServiceSid: twilio.messagingServiceSid,
      StatusCallback: `https://leadrail.example.com/notifications/twilio/status/${sms.notificationId}`,
    });
    expect(await sender.findSent(sms)).toEqual({ providerId: sent.providerId, status: 'accepted' });
    await twilio.advance(sent.providerId);
    expect(await sender.findSent(sms)).toEqual({ providerId: sent.providerId, status: 'queued' });
    await twilio.advance(sent.providerId);
    expect(await sender.findSent(sms)).toEqual({ providerId: sent.providerId, status: 'sent' });
  });
});

describe('with the TWILIO_* variables unset', () => {
  let service: TwilioTestApp;

  beforeAll(async () => {
    service = await startTwilioTestApp({});
  });

  afterAll(() => service?.close());

  it('the sender says SMS is not configured, and callbacks are 503', async () => {
    const sender = service.app.get<SmsSender>(SMS_SENDER);
    expect(sender).toBeInstanceOf(SmsNotConfigured);
    expect(sender.enabled).toBe(false);
    const sms = { notificationId: 'n', to: '+447700900123', body: 'x', firstAttemptAt: new Date() };
    await expect(sender.send(sms)).rejects.toMatchObject({
      message: SMS_NOT_CONFIGURED,
      retryable: false,
      providerCode: null,
    });
    await expect(sender.findSent(sms)).resolves.toBeNull();
    const response = await fetch(`${service.url}/notifications/twilio/status/n`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'MessageSid=SM1&MessageStatus=sent',
    });
    expect(response.status).toBe(503);
    expect(service.statuses).toEqual([]);
  });
});
