import { randomBytes } from 'node:crypto';
import { signReferralLinkToken } from '@leadrail/delivery-contracts';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { Client } from 'pg';
// The other end of the links: the real leads service, booted here like delivery. One test of
// two services through Kafka, as deployed; e2e/ runs them as processes instead.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { leadsService } from '../../../leads/src/leads.service';
import { deliveryService } from '../delivery.service';
import { type ReceivedEmail, SmtpTestServer } from '../email/testing/smtp-test-server';
import { DeliveryTestKit } from '../testing/delivery-test-kit';
import { LeadsKeyServer } from '../testing/leads-key-server';
import { PartnerEndpoint } from '../testing/partner-endpoint';

jest.setTimeout(180_000);

const SECRET = randomBytes(32).toString('base64url');
// Unique per run: delivery reads the leads topic from the beginning, other runs' offers included.
const FLAKY = `flaky-${randomBytes(4).toString('hex')}@partner.test`;
const HOSTILE = `<script>alert("x")</script> & 'quotes' <b>bold</b>`;
const PERSON = mortgageLeadFromCrm.payload.data.contact;

interface Page {
  status: number;
  headers: Headers;
  html: string;
  url: string;
}

interface LoggedAttempt {
  channel: string;
  attempt: number;
  outcome: string;
  matched: string;
  reason: string | null;
  request: { to?: string; html?: string; text?: string };
}

async function open(url: string): Promise<Page> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, html: await response.text(), url };
}

/** The page's form, submitted as a browser would (the button pressed, the reason typed). */
async function confirm(page: Page, reason?: string): Promise<Page> {
  const action = /<form method="post" action="([^"]+)">/.exec(page.html)?.[1];
  const token = /<input type="hidden" name="token" value="([^"]+)">/.exec(page.html)?.[1];
  expect(action).toBeDefined();
  expect(token).toBeDefined();
  const target = new URL(action!, page.url).href;
  const body = new URLSearchParams({ token: token!, ...(reason === undefined ? {} : { reason }) });
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    html: await response.text(),
    url: target,
  };
}

function linksOf(email: ReceivedEmail): { accept: string; decline: string } {
  const text = email.parsed.text ?? '';
  return {
    accept: /^Accept: (\S+)$/m.exec(text)![1]!,
    decline: /^Decline: (\S+)$/m.exec(text)![1]!,
  };
}

/**
 * The referral email end to end, with the real parts: the leads service
 * refers a lead on routing's decision, delivery sends the referral email to
 * a real SMTP server, and following its links (the page, then the form's
 * POST) answers the referral in the leads service, after which delivery
 * delivers the full lead.
 */
describe('the referral email and its Accept and Decline links', () => {
  let keys: LeadsKeyServer;
  let smtp: SmtpTestServer;
  let leads: ServiceUnderTest;
  let delivery: ServiceUnderTest;
  let kit: DeliveryTestKit;
  let leadsDb: Client;
  let deliveryDb: Client;
  let introducerId: string;

  beforeAll(async () => {
    keys = await LeadsKeyServer.start();
    // The first message to FLAKY is refused as greylisting does (451): a retry mends it.
    smtp = await SmtpTestServer.start({
      refuseRecipient: (address, seenBefore) =>
        address === FLAKY && seenBefore === 0 ? 451 : undefined,
    });
    leads = await startServiceUnderTest(leadsService, { REFERRAL_LINK_SECRET: SECRET });
    delivery = await startServiceUnderTest(deliveryService, {
      LEADS_URL: leads.url,
      LEADS_TOKEN: leads.tokens.admin,
      PUBLIC_LEADS_URL: leads.url,
      REFERRAL_LINK_SECRET: SECRET,
      SMTP_URL: smtp.url,
      EMAIL_FROM: 'LeadRail <leads@leadrail.test>',
      OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
      DELIVERY_POLL_MS: '50',
      DELIVERY_RETRY_BASE_MS: '300',
      DELIVERY_RETRY_MAX_MS: '1000',
      DELIVERY_MAX_ATTEMPTS: '3',
    });
    kit = await DeliveryTestKit.for(delivery, keys);
    leadsDb = new Client({ connectionString: leads.database.url });
    deliveryDb = new Client({ connectionString: delivery.database.url });
    await Promise.all([leadsDb.connect(), deliveryDb.connect()]);
    const type = await leadsOperator('POST', '/lead-types', { slug: 'mortgage', name: 'Mortgage' });
    if (type.status !== 200 && type.status !== 201) {
      throw new Error(`defining the lead type: ${type.status} ${JSON.stringify(type.body)}`);
    }
    introducerId = await kit.partner({ internet: null });
    await knownToLeads(introducerId);
  });

  afterAll(async () => {
    await leadsDb?.end();
    await deliveryDb?.end();
    await kit?.close();
    await delivery?.stop();
    await leads?.stop();
    await smtp?.stop();
    await keys?.stop();
  });

  async function leadsOperator(method: string, path: string, body?: unknown) {
    const response = await fetch(`${leads.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${leads.tokens.admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function knownToLeads(partnerId: string): Promise<void> {
    await expectEventually(
      async () => {
        const { rows } = await leadsDb.query(
          'SELECT 1 FROM leads.partner_view WHERE partner_id = $1',
          [partnerId],
        );
        expect(rows).toHaveLength(1);
      },
      { timeoutMs: 60_000 },
    );
  }

  /** The lead's events as the leads service stored them. */
  async function leadEvents(leadId: string) {
    const { rows } = await leadsDb.query<{ type: string; data: Record<string, unknown> }>(
      'SELECT type, data FROM leads_log.events WHERE stream_name = $1 ORDER BY revision',
      [`lead-${leadId}`],
    );
    return rows;
  }

  /** A lead submitted by the introducer and referred to the partner on routing's decision. */
  async function referredLead(partnerId: string, city = 'Manchester'): Promise<string> {
    const leadId = await kit.submittedLead(introducerId, {
      city,
      answers: { property_value: 350000, notes: `first line\n${HOSTILE}` },
    });
    await expectEventually(async () =>
      expect((await leadEvents(leadId)).map((event) => event.type)).toEqual(['LeadReceived']),
    );
    await kit.routedTo(leadId, partnerId);
    await expectEventually(async () =>
      expect((await leadEvents(leadId)).map((event) => event.type)).toContain('LeadReferred'),
    );
    return leadId;
  }

  function referralEmailsOf(leadId: string): ReceivedEmail[] {
    return smtp.received.filter(
      (email) =>
        email.parsed.headers.get('x-leadrail-lead-id') === leadId &&
        email.parsed.headers.get('x-leadrail-referral-id') !== undefined,
    );
  }

  async function attemptsOf(leadId: string): Promise<LoggedAttempt[]> {
    const answer = await kit.get<{ attempts: LoggedAttempt[] }>(
      `/deliveries/leads/${leadId}/attempts`,
    );
    return answer.status === 200 ? answer.body.attempts : [];
  }

  it('emails the redacted lead with links that, followed, accept it and bring the full delivery', async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 200, body: '{"id":"P-1"}' }]);
    try {
      const partnerId = await kit.partner({
        url: endpoint.url,
        contactEmail: 'buyer@partner.test',
      });
      await knownToLeads(partnerId);
      const leadId = await referredLead(partnerId, `Manchester ${HOSTILE}`);

      const [email] = await expectEventually(() => {
        const emails = referralEmailsOf(leadId);
        expect(emails).toHaveLength(1);
        return emails;
      });
      expect(email!.to).toEqual(['buyer@partner.test']);
      expect(email!.parsed.subject).toContain('Lead offered: mortgage');
      const html = String(email!.parsed.html);
      const text = email!.parsed.text ?? '';
      // The lead redacted: its answers and area, never the person.
      for (const secret of [PERSON.firstName, PERSON.lastName, PERSON.email!, PERSON.phone!]) {
        expect(html).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
      expect(html).not.toContain(PERSON.address!.line1);
      // Hostile answers and area are text in both parts: escaped in HTML, as they are in text.
      expect(html).not.toContain('<script>');
      expect(html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;',
      );
      expect(text).toContain(HOSTILE);
      expect(text).toContain(`Manchester ${HOSTILE}`);
      const links = linksOf(email!);
      expect(links.accept.startsWith(`${leads.url}/referral-links/accept?token=`)).toBe(true);
      expect(html).toContain(`href="${links.accept}"`);
      expect(html).toContain(`href="${links.decline}"`);

      // A GET only shows the question (a mail scanner fetching the link changes nothing).
      const page = await open(links.accept);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
      );
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.html).toContain('<h1>Accept this lead?</h1>');
      expect(page.html).not.toMatch(/<script|<link|<img|src=/);
      expect((await leadEvents(leadId)).map((event) => event.type)).not.toContain(
        'ReferralAccepted',
      );

      const accepted = await confirm(page);
      expect(accepted.status).toBe(200);
      expect(accepted.html).toContain('<h1>Lead accepted</h1>');
      const events = await leadEvents(leadId);
      expect(events.find((event) => event.type === 'ReferralAccepted')?.data).toMatchObject({
        leadId,
        partnerId,
        acceptedBy: { type: 'partner', id: partnerId },
      });
      // A second click says what happened and records nothing more.
      const again = await confirm(page);
      expect(again.status).toBe(200);
      expect(again.html).toContain('<h1>You accepted this lead</h1>');
      expect((await leadEvents(leadId)).length).toBe(events.length);

      // ReferralAccepted starts the full delivery: the lead, contact included, reaches the partner.
      await expectEventually(() => expect(endpoint.received).toHaveLength(1));
      expect(JSON.parse(endpoint.received[0]!.body)).toMatchObject({
        name: `${PERSON.firstName} ${PERSON.lastName}`,
        email: PERSON.email,
      });
      await expectEventually(async () =>
        expect((await leadEvents(leadId)).map((event) => event.type)).toContain('LeadDelivered'),
      );
      const attempts = await attemptsOf(leadId);
      expect(attempts.map((a) => [a.channel, a.attempt, a.outcome])).toEqual([
        ['referral-email', 1, 'accepted'],
        ['internet', 1, 'accepted'],
      ]);
      // The log shows the email as sent, but not the links' tokens: they answer for the partner.
      const token = new URL(links.accept).searchParams.get('token')!;
      expect(JSON.stringify(attempts[0]!.request)).not.toContain(token);
      expect(attempts[0]!.request.text).toContain('(masked)');
      expect(referralEmailsOf(leadId)).toHaveLength(1);
    } finally {
      await endpoint.stop();
    }
  });

  it('declines through the Decline link with a reason, and then refuses the Accept link', async () => {
    const partnerId = await kit.partner({ internet: null, contactEmail: 'picky@partner.test' });
    await knownToLeads(partnerId);
    const leadId = await referredLead(partnerId);
    const [email] = await expectEventually(() => {
      const emails = referralEmailsOf(leadId);
      expect(emails).toHaveLength(1);
      return emails;
    });
    const links = linksOf(email!);

    const page = await open(links.decline);
    expect(page.html).toContain('<h1>Decline this lead?</h1>');
    expect(page.html).toContain('<label for="reason">');
    const declined = await confirm(page, 'Not our area\r\nthis month');
    expect(declined.status).toBe(200);
    expect(declined.html).toContain('<h1>Lead declined</h1>');
    const events = await leadEvents(leadId);
    expect(events.find((event) => event.type === 'ReferralDeclined')?.data).toMatchObject({
      partnerId,
      declinedBy: { type: 'partner', id: partnerId },
      reason: 'Not our area this month',
    });

    const lateAccept = await open(links.accept);
    expect(lateAccept.status).toBe(409);
    expect(lateAccept.html).toContain('<h1>You declined this lead</h1>');
    expect(lateAccept.html).not.toContain('<form');
    expect((await leadEvents(leadId)).length).toBe(events.length);
  });

  it('changes nothing for a tampered, foreign, misused or expired link', async () => {
    const partnerId = await kit.partner({ internet: null, contactEmail: 'wary@partner.test' });
    await knownToLeads(partnerId);
    const leadId = await referredLead(partnerId);
    const [email] = await expectEventually(() => {
      const emails = referralEmailsOf(leadId);
      expect(emails).toHaveLength(1);
      return emails;
    });
    const links = linksOf(email!);
    const token = new URL(links.accept).searchParams.get('token')!;
    const [payload, mac] = token.split('.') as [string, string];
    const expiresAt = (await leadEvents(leadId)).find((event) => event.type === 'LeadReferred')!
      .data.expiresAt as string;
    const claims = { leadId, partnerId, action: 'accept' as const, expiresAt };
    const post = (path: string, form: Record<string, string>) =>
      fetch(`${leads.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });

    const refused = [
      // The signature changed, or the claims under it.
      [`${payload}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`, 'accept', 400],
      [`${payload.slice(0, -2)}xy.${mac}`, 'accept', 400],
      // Signed with another secret.
      [signReferralLinkToken(claims, randomBytes(32)), 'accept', 400],
      // A Decline link used to accept.
      [new URL(links.decline).searchParams.get('token')!, 'accept', 400],
      // Expired (here an offer that ended an hour ago).
      [
        signReferralLinkToken(
          { ...claims, expiresAt: new Date(Date.now() - 3_600_000).toISOString() },
          Buffer.from(SECRET),
        ),
        'accept',
        410,
      ],
    ] as const;
    for (const [bad, action, status] of refused) {
      const shown = await open(`${leads.url}/referral-links/${action}?token=${bad}`);
      expect([bad, shown.status]).toEqual([bad, status]);
      expect(shown.html).not.toContain('<form');
      expect((await post(`/referral-links/${action}`, { token: bad })).status).toBe(status);
    }
    expect((await post('/referral-links/accept', {})).status).toBe(400);
    expect((await leadEvents(leadId)).map((event) => event.type)).toEqual([
      'LeadReceived',
      'LeadReferred',
    ]);
  });

  it('sends one email for a redelivered referral, retries a refused one, and logs a partner without an address', async () => {
    const flaky = await kit.partner({ internet: null, contactEmail: FLAKY });
    const { leadId, referred } = await kit.referredLead(flaky, { city: 'Leeds' });
    const republished = await kit.referralAgain(referred);
    await expectEventually(async () => {
      expect(await attemptsOf(leadId)).toEqual([
        expect.objectContaining({
          attempt: 1,
          outcome: 'error',
          reason: expect.stringContaining('451') as unknown,
        }),
        expect.objectContaining({ attempt: 2, outcome: 'accepted', matched: 'smtp: accepted' }),
      ]);
    });
    // The republished LeadReferred was handled, and added nothing.
    await expectEventually(async () => {
      const { rows } = await deliveryDb.query(
        'SELECT 1 FROM delivery.processed_events WHERE handler = $1 AND event_id = $2',
        ['delivery.referral-emails', republished],
      );
      expect(rows).toHaveLength(1);
    });
    const { rows } = await deliveryDb.query<{ state: string }>(
      'SELECT state FROM delivery.delivery_referral_emails WHERE lead_id = $1',
      [leadId],
    );
    expect(rows).toEqual([{ state: 'sent' }]);
    expect(referralEmailsOf(leadId)).toHaveLength(1);

    const nowhere = await kit.partner({ internet: null, contactEmail: null });
    const unsent = await kit.referredLead(nowhere);
    await expectEventually(async () => {
      expect(await attemptsOf(unsent.leadId)).toEqual([
        expect.objectContaining({
          channel: 'referral-email',
          outcome: 'error',
          matched: 'no-contact-email',
          reason: 'not sent: the partner has no contact email; it can answer in the portal',
        }),
      ]);
    });
    expect(referralEmailsOf(unsent.leadId)).toHaveLength(0);
  });
});
