import { randomBytes, randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
// The other end of LEADS OFF: the real partners service, booted here, whose admin API pauses.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { partnersService } from '../../../../partners/src/partners.service';
import type { DirectoryPartner } from '../../ports/partner-directory';
import { TwilioTestServer } from '../testing/twilio-test-server';
import { type TwilioTestApp, startTwilioTestApp } from '../testing/twilio-test-app';
import { textReplies } from './text-command';

jest.setTimeout(120_000);

/** A UK mobile number no other run uses (the partners service keeps its partners). */
const phone = () =>
  `+447700${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`;

/**
 * Partners' text commands end to end: the test Twilio delivers a signed
 * text to the module's webhook, LEADS OFF / LEADS ON pause and resume the
 * partner in the real partners service (its admin API, as the configured
 * administrator), and the TwiML reply goes back. The partner directory
 * (the notifications core's partner view) is an in-memory one here.
 */
describe('text commands (POST /notifications/twilio/inbound)', () => {
  let partners: ServiceUnderTest;
  let twilio: TwilioTestServer;
  let service: TwilioTestApp;
  let inboundUrl: string;

  beforeAll(async () => {
    partners = await startServiceUnderTest(partnersService);
    twilio = await TwilioTestServer.start();
    service = await startTwilioTestApp({
      ...twilio.env(),
      PARTNERS_URL: partners.url,
      PARTNERS_TOKEN: partners.tokens.admin,
    });
    inboundUrl = `${service.publicUrl}/notifications/twilio/inbound`;
  });

  afterAll(async () => {
    await service?.close();
    await twilio?.stop();
    await partners?.stop();
  });

  async function partnersApi(method: string, path: string, body?: unknown) {
    const response = await fetch(`${partners.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${partners.tokens.admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  /** A partner registered in the partners service, with its phone, and known to the directory. */
  async function registeredPartner(name = 'Acme Mortgages Ltd'): Promise<DirectoryPartner> {
    const contact = { phone: phone(), email: 'leads@acme.test', transferPhone: phone() };
    const created = await partnersApi('POST', '/partners', {
      name,
      currency: 'GBP',
      partnerType: {
        introducer: false,
        partner: true,
        leadValue: { amount: 2500, currency: 'GBP' },
      },
      contact,
    });
    expect(created.status).toBe(201);
    return service.directory.add({ partnerId: created.body.id as string, name, ...contact });
  }

  const pausedOf = async (partnerId: string) =>
    (await partnersApi('GET', `/partners/${partnerId}`)).body.paused;
  const revisionOf = async (partnerId: string) =>
    (await partnersApi('GET', `/partners/${partnerId}`)).etag;

  it('LEADS OFF from the partner’s phone pauses its deliveries, with the reason, and says so', async () => {
    const partner = await registeredPartner();
    const other = await registeredPartner('Other Partner Ltd');
    const answer = await twilio.sendInboundSms(inboundUrl, {
      from: partner.phone!,
      body: ' leads off ',
    });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    expect(answer.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${textReplies.paused(partner.name)}</Message></Response>`,
    );
    expect(await pausedOf(partner.partnerId)).toEqual({
      by: { type: 'operator', id: 'test-admin' },
      at: expect.any(String) as unknown,
    });
    expect(await pausedOf(other.partnerId)).toBeNull();
    // Twilio sends the reply back to the partner.
    expect(twilio.messages.at(-1)).toMatchObject({
      direction: 'outbound-reply',
      to: partner.phone,
      from: twilio.phoneNumber,
      body: textReplies.paused(partner.name),
    });
    const history = await expectEventually(async () => {
      const read = await partnersApi('GET', `/partners/${partner.partnerId}/history`);
      const entries = read.body as unknown as { type: string; reason: string | null }[];
      expect(entries.map((entry) => entry.type)).toContain('DeliveriesPaused');
      return entries;
    });
    expect(history.find((entry) => entry.type === 'DeliveriesPaused')?.reason).toBe(
      `the partner texted LEADS OFF from ${partner.phone} (Twilio message ${answer.params.MessageSid})`,
    );
  });

  it('LEADS OFF again changes nothing and says the same; LEADS ON resumes', async () => {
    const partner = await registeredPartner();
    await twilio.sendInboundSms(inboundUrl, { from: partner.phone!, body: 'LEADS OFF' });
    const paused = await revisionOf(partner.partnerId);
    const again = await twilio.sendInboundSms(inboundUrl, {
      from: partner.phone!,
      body: 'Leads Off',
    });
    expect(again.replies).toEqual([textReplies.paused(partner.name)]);
    expect(await revisionOf(partner.partnerId)).toBe(paused);

    const resumed = await twilio.sendInboundSms(inboundUrl, {
      from: partner.phone!,
      body: 'leads ON',
    });
    expect(resumed.replies).toEqual([textReplies.resumed(partner.name)]);
    expect(await pausedOf(partner.partnerId)).toBeNull();
  });

  it('anything else gets the help reply and changes nothing', async () => {
    const partner = await registeredPartner();
    for (const body of ['hello', 'LEADS', 'HELP', 'leads pause']) {
      const answer = await twilio.sendInboundSms(inboundUrl, { from: partner.phone!, body });
      expect(answer.replies).toEqual([textReplies.help]);
    }
    expect(await revisionOf(partner.partnerId)).toBe('"0"');
  });

  it('a number no partner has gets a polite refusal, and nothing is paused', async () => {
    const partner = await registeredPartner();
    const answer = await twilio.sendInboundSms(inboundUrl, { from: phone(), body: 'LEADS OFF' });
    expect(answer.replies).toEqual([textReplies.unknownNumber]);
    expect(await pausedOf(partner.partnerId)).toBeNull();
  });

  it('STOP and other carrier keywords are left to Twilio: an empty response', async () => {
    const partner = await registeredPartner();
    const answer = await twilio.sendInboundSms(inboundUrl, { from: partner.phone!, body: 'STOP' });
    expect(answer.status).toBe(200);
    expect(answer.replies).toEqual([]);
    expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('a forged or tampered text is refused (403) and pauses nothing', async () => {
    const partner = await registeredPartner();
    const params = {
      AccountSid: twilio.accountSid,
      Body: 'LEADS OFF',
      From: partner.phone!,
      MessageSid: `SM${'2'.repeat(32)}`,
      To: twilio.phoneNumber,
    };
    const forged = await twilio.post(inboundUrl, params, 'Zm9yZ2Vk');
    const tampered = await twilio.post(
      inboundUrl,
      params,
      twilio.sign(inboundUrl, { ...params, Body: 'hello' }),
    );
    const unsigned = await twilio.post(inboundUrl, params, null);
    expect([forged.status, tampered.status, unsigned.status]).toEqual([403, 403, 403]);
    expect(await pausedOf(partner.partnerId)).toBeNull();
  });

  it('a pause the partners service refuses is answered with an apology', async () => {
    // Known to the directory but not to the partners service: its admin API answers 404.
    const ghost = service.directory.add({
      partnerId: randomUUID(),
      name: 'Ghost Ltd',
      phone: phone(),
      transferPhone: null,
      email: null,
    });
    const answer = await twilio.sendInboundSms(inboundUrl, {
      from: ghost.phone!,
      body: 'LEADS OFF',
    });
    expect(answer.status).toBe(200);
    expect(answer.replies).toEqual([textReplies.failed]);
  });
});
