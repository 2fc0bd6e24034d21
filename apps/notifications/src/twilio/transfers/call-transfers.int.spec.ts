import { randomUUID } from 'node:crypto';
import { expectEventually } from '@leadrail/testing';
import { DOMParser } from '@xmldom/xmldom';
import type { DirectoryPartner } from '../../ports/partner-directory';
import { TwilioTestServer } from '../testing/twilio-test-server';
import { type TwilioTestApp, startTwilioTestApp } from '../testing/twilio-test-app';
import type { CallTransfer } from './call-transfers';

jest.setTimeout(60_000);

type Answer = { status: number; body: Record<string, unknown> };

/**
 * Hot-key transfers over HTTP: the operator's request places a call with the
 * real library against the test Twilio, whose TwiML bridges the lead to the
 * partner's transfer number; Twilio's signed callbacks (ringing, answered,
 * completed, the dial's end) are recorded and read back.
 */
describe('hot-key transfers (/notifications/transfers)', () => {
  let twilio: TwilioTestServer;
  let service: TwilioTestApp;
  let partner: DirectoryPartner;
  let leadNumbers = 0;
  // Real mobile numbering (libphonenumber-js refuses Ofcom's 07700 900xxx drama range).
  const leadPhone = () => `+4474001${String((leadNumbers += 1)).padStart(5, '0')}`;

  beforeAll(async () => {
    twilio = await TwilioTestServer.start({ stepMs: 20 });
    service = await startTwilioTestApp(twilio.env());
    partner = service.directory.add({
      partnerId: randomUUID(),
      name: 'Acme & Sons <Mortgages>',
      phone: '+447700900500',
      transferPhone: '+442079460000',
      email: null,
    });
  });

  afterAll(async () => {
    await twilio?.stop();
    await service?.close();
  });

  async function call(
    method: string,
    path: string,
    body?: unknown,
    token: string | null = service.tokens.admin,
  ): Promise<Answer> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const transfer = (leadId = randomUUID(), phone = leadPhone(), partnerId = partner.partnerId) =>
    call('POST', '/notifications/transfers', { leadId, partnerId, leadPhone: phone });
  const read = async (id: string) =>
    (await call('GET', `/notifications/transfers/${id}`)).body as unknown as CallTransfer;
  const ended = (id: string, status = 'completed') =>
    expectEventually(async () => {
      const now = await read(id);
      expect(now.status).toBe(status);
      return now;
    });

  it('calls the lead from our number with TwiML that dials the partner, and records how it went', async () => {
    const leadId = randomUUID();
    const phone = leadPhone();
    const placed = await transfer(leadId, phone);
    expect(placed.status).toBe(201);
    const id = placed.body.transferId as string;
    expect(placed.body).toMatchObject({
      leadId,
      partnerId: partner.partnerId,
      leadPhone: phone,
      partnerPhone: partner.transferPhone,
      requestedBy: 'test-admin',
      callSid: expect.stringMatching(/^CA[0-9a-f]{32}$/) as unknown,
      status: 'queued',
    });

    const request = twilio.requests.find((r) => r.path.endsWith('/Calls.json'))!;
    expect(request.form).toMatchObject({
      To: phone,
      From: twilio.phoneNumber,
      StatusCallback: `${service.publicUrl}/notifications/twilio/calls/${id}`,
      StatusCallbackMethod: 'POST',
      StatusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    const twiml = new DOMParser().parseFromString(request.form.Twiml as string, 'text/xml');
    const response = twiml.documentElement!;
    expect(response.tagName).toBe('Response');
    expect(response.getElementsByTagName('Say')[0]?.textContent).toBe(
      'Connecting you to Acme & Sons <Mortgages>. Please hold.',
    );
    const dial = response.getElementsByTagName('Dial')[0]!;
    expect(dial.getAttribute('callerId')).toBe(twilio.phoneNumber);
    expect(dial.getAttribute('action')).toBe(
      `${service.publicUrl}/notifications/twilio/calls/${id}/dial`,
    );
    expect(dial.getElementsByTagName('Number')[0]?.textContent).toBe(partner.transferPhone);

    const done = await ended(id);
    expect(done).toMatchObject({
      callSid: placed.body.callSid,
      durationSeconds: 45,
      partner: {
        status: 'completed',
        callSid: expect.stringMatching(/^CA/) as unknown,
        durationSeconds: 42,
      },
      error: null,
    });
    expect(done.history.map((step) => [step.status, step.sequence])).toEqual([
      ['initiated', 0],
      ['ringing', 1],
      ['in-progress', 2],
      ['completed', 3],
    ]);
    const dialEnd = twilio.callbacks.find((c) => c.url.endsWith(`${id}/dial`))!;
    expect([dialEnd.status, dialEnd.body]).toEqual([
      200,
      '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
    ]);
  });

  it.each(['busy', 'no-answer', 'failed'] as const)(
    'records a lead who does not take the call: %s',
    async (outcome) => {
      const phone = leadPhone();
      twilio.callOutcome(phone, outcome);
      const placed = await transfer(randomUUID(), phone);
      const done = await ended(placed.body.transferId as string, outcome);
      expect(done.history.map((step) => step.status)).toEqual(['initiated', 'ringing', outcome]);
      expect(done.partner).toBeNull();
    },
  );

  it('records a partner who does not answer, and the lead hears an apology', async () => {
    const other = service.directory.add({
      ...partner,
      partnerId: randomUUID(),
      transferPhone: '+442079460111',
    });
    twilio.dialOutcome('+442079460111', 'no-answer');
    const placed = await transfer(randomUUID(), leadPhone(), other.partnerId);
    const id = placed.body.transferId as string;
    const done = await ended(id);
    expect(done.partner).toEqual({
      status: 'no-answer',
      callSid: expect.any(String) as unknown,
      durationSeconds: 0,
    });
    const dialEnd = twilio.callbacks.find((c) => c.url.endsWith(`${id}/dial`))!;
    expect(dialEnd.body).toContain('<Say>Sorry, we could not connect your call.');
  });

  it('keeps the latest status when a callback is forged, repeated or late', async () => {
    const placed = await transfer();
    const id = placed.body.transferId as string;
    await ended(id);
    const ringing = twilio.callbacks.find(
      (c) => c.url.endsWith(`/calls/${id}`) && c.params.CallStatus === 'ringing',
    )!;
    expect((await twilio.post(ringing.url, ringing.params)).status).toBe(204);
    const forged = { ...ringing.params, CallStatus: 'failed', SequenceNumber: '9' };
    expect((await twilio.post(ringing.url, forged, ringing.signature)).status).toBe(403);
    const done = await read(id);
    expect(done.status).toBe('completed');
    expect(done.history).toHaveLength(4);
  });

  describe('refuses, placing no call', () => {
    /** Runs refused requests; the test Twilio must have been asked for no call. */
    async function placesNoCall(refused: () => Promise<void>): Promise<void> {
      const before = twilio.calls.length;
      await refused();
      expect(twilio.calls.length).toBe(before);
    }

    it('a partner without a transfer number (409), or unknown (404)', () =>
      placesNoCall(async () => {
        const none = service.directory.add({
          ...partner,
          partnerId: randomUUID(),
          transferPhone: null,
        });
        const refused = await transfer(randomUUID(), leadPhone(), none.partnerId);
        expect(refused).toEqual({
          status: 409,
          body: {
            statusCode: 409,
            error: 'NO_TRANSFER_NUMBER',
            message: expect.any(String) as unknown,
          },
        });
        expect((await transfer(randomUUID(), leadPhone(), randomUUID())).status).toBe(404);
      }));

    it.each([
      ['a national number', '07700 900123'],
      ['a number that cannot exist', '+1555'],
      ['no leadPhone', undefined],
    ])('%s (400 on leadPhone)', (_, phone) =>
      placesNoCall(async () => {
        const refused = await call('POST', '/notifications/transfers', {
          leadId: randomUUID(),
          partnerId: partner.partnerId,
          leadPhone: phone,
        });
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual([
          {
            field: 'leadPhone',
            messages: expect.arrayContaining([expect.any(String) as unknown]) as unknown,
          },
        ]);
      }),
    );

    it('callers without a token (401) and read-only operators (403)', () =>
      placesNoCall(async () => {
        const body = { leadId: randomUUID(), partnerId: partner.partnerId, leadPhone: leadPhone() };
        expect((await call('POST', '/notifications/transfers', body, null)).status).toBe(401);
        const asReader = await call(
          'POST',
          '/notifications/transfers',
          body,
          service.tokens.readOnly,
        );
        expect(asReader.status).toBe(403);
      }));
  });

  it('a call Twilio could not place: 502, the transfer kept as not placed', async () => {
    twilio.failNext(503);
    const refused = await transfer();
    expect(refused.status).toBe(502);
    expect(refused.body.error).toBe('TWILIO_UNAVAILABLE');
    const kept = await read(refused.body.transferId as string);
    expect(kept).toMatchObject({
      status: 'not-placed',
      callSid: null,
      error: expect.stringContaining('Twilio 503') as unknown,
    });
  });

  it('lets read-only operators read a transfer; 404 for none, 400 for an id that is none', async () => {
    const placed = await transfer();
    const id = placed.body.transferId as string;
    const asReader = await call(
      'GET',
      `/notifications/transfers/${id}`,
      undefined,
      service.tokens.readOnly,
    );
    expect(asReader.status).toBe(200);
    expect((await call('GET', `/notifications/transfers/${randomUUID()}`)).status).toBe(404);
    expect((await call('GET', '/notifications/transfers/not-an-id')).status).toBe(400);
    await ended(id);
  });
});
