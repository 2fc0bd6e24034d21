import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { type ReferralLinkClaims, signReferralLinkToken } from '@leadrail/delivery-contracts';
import {
  LeadError,
  LeadErrorCode,
  type LeadState,
  type ReferralRecord,
} from '@leadrail/leads-domain';
import type { LeadCommands } from '../../../lead/lead-commands';
import { ReferralLinkAnswers } from './referral-link-answers';
import { REFERRAL_LINK_PAGE_HEADERS, referralLinkPageHtml } from './referral-link-page';

const SECRET = Buffer.from('the-referral-link-secret-for-these-tests');
const NOW = new Date('2026-11-25T09:30:00.000Z');
const LEAD = '0b7f6a52-3c1e-4d8a-9f2b-6e5d4c3b2a19';
const PARTNER = '5c9d1e2f-7a3b-4c6d-8e9f-0a1b2c3d4e5f';
const OFFER: ReferralRecord = {
  partnerId: PARTNER,
  referredAt: '2026-11-25T09:00:02.000Z',
  expiresAt: '2026-11-25T10:00:02.000Z',
  outcome: 'pending',
};

function token(action: 'accept' | 'decline', change: Partial<ReferralLinkClaims> = {}): string {
  const claims = { leadId: LEAD, partnerId: PARTNER, action, expiresAt: OFFER.expiresAt };
  return signReferralLinkToken({ ...claims, ...change }, SECRET);
}

/** The lead's stream as the page reads it, and the commands it issues (or the refusal to throw). */
class LeadsStandIn {
  referrals: ReferralRecord[] = [OFFER];
  issued: { type: string; data: unknown; actor: unknown }[] = [];
  refuse?: LeadError;

  load(): Promise<{ state: LeadState }> {
    const state = {
      stage: 'referred',
      id: LEAD,
      details: { leadType: 'mortgage' },
      referrals: this.referrals,
    } as unknown as LeadState;
    return Promise.resolve({ state });
  }

  issue(type: string, _leadId: string, data: unknown, options: { actor: unknown }) {
    if (this.refuse !== undefined) {
      return Promise.reject(this.refuse);
    }
    this.issued.push({ type, data, actor: options.actor });
    return Promise.resolve({ events: [], state: {}, revision: undefined });
  }
}

function answersWith(leads: LeadsStandIn, secrets: Buffer[] | null = [SECRET]) {
  return new ReferralLinkAnswers(leads as unknown as LeadCommands, { now: () => NOW }, { secrets });
}

describe('referral link pages', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  it('asks before acting, then issues the answer as the partner the link was made for', async () => {
    const leads = new LeadsStandIn();
    const answers = answersWith(leads);

    const page = await answers.page('decline', token('decline'));
    expect(page).toMatchObject({ status: 200, title: 'Decline this lead?' });
    expect(page.form).toEqual({ action: 'decline', token: token('decline') });
    expect(page.details).toContainEqual({
      term: 'Answer by',
      value: 'Wed, 25 Nov 2026, 10:00 UTC',
    });
    expect(leads.issued).toEqual([]);

    const done = await answers.answer('decline', token('decline'), '  Too far\r\naway  ');
    expect(done).toMatchObject({ status: 200, title: 'Lead declined' });
    expect(leads.issued).toEqual([
      {
        type: 'DeclineReferral',
        data: { partnerId: PARTNER, reason: 'Too far away' },
        actor: { type: 'partner', id: PARTNER },
      },
    ]);
    expect(await answers.answer('decline', token('decline'), 'x'.repeat(501))).toMatchObject({
      status: 400,
    });
  });

  it('says what became of an offer already answered or expired, and issues nothing', async () => {
    const leads = new LeadsStandIn();
    const answers = answersWith(leads);
    leads.referrals = [{ ...OFFER, outcome: 'accepted' }];
    expect(await answers.answer('accept', token('accept'), undefined)).toMatchObject({
      status: 200,
      title: 'You accepted this lead',
    });
    expect(await answers.page('decline', token('decline'))).toMatchObject({ status: 409 });
    leads.referrals = [{ ...OFFER, outcome: 'expired' }];
    expect(await answers.page('accept', token('accept'))).toMatchObject({
      status: 410,
      title: 'This offer has expired',
    });
    // The link's own expiry passed while the offer waits for the timer: expired all the same.
    leads.referrals = [{ ...OFFER, expiresAt: '2026-11-25T09:00:00.000Z' }];
    expect(
      await answers.answer(
        'accept',
        token('accept', { expiresAt: '2026-11-25T09:00:00.000Z' }),
        undefined,
      ),
    ).toMatchObject({ status: 410 });
    expect(leads.issued).toEqual([]);
  });

  it('refuses links for an earlier offer, for another lead, or when links are off', async () => {
    const leads = new LeadsStandIn();
    leads.referrals = [
      { ...OFFER, outcome: 'declined' },
      { ...OFFER, referredAt: '2026-11-25T09:20:00.000Z', expiresAt: '2026-11-25T10:20:00.000Z' },
    ];
    const answers = answersWith(leads);
    expect(await answers.answer('accept', token('accept'), undefined)).toMatchObject({
      status: 409,
      title: 'You declined this lead',
    });
    expect(
      await answers.page('accept', token('accept', { expiresAt: '2026-11-25T09:50:00.000Z' })),
    ).toMatchObject({ status: 410, title: 'This link is for an earlier offer' });
    expect(
      await answers.page('accept', token('accept', { partnerId: 'someone-else' })),
    ).toMatchObject({ status: 400 });
    expect(await answersWith(leads, null).page('accept', token('accept'))).toMatchObject({
      status: 404,
    });
    expect(leads.issued).toEqual([]);
  });

  it('shows what happened when the offer was answered between the page and the click', async () => {
    const leads = new LeadsStandIn();
    const answers = answersWith(leads);
    expect((await answers.page('accept', token('accept'))).form).toBeDefined();
    leads.refuse = new LeadError(LeadErrorCode.REFERRAL_NOT_PENDING, 'answered meanwhile');
    const load = leads.load.bind(leads);
    // The first load still sees it pending; the one after the refusal sees it declined.
    let loads = 0;
    leads.load = () => {
      loads += 1;
      leads.referrals = [{ ...OFFER, outcome: loads === 1 ? 'pending' : 'declined' }];
      return load();
    };
    expect(await answers.answer('accept', token('accept'), undefined)).toMatchObject({
      status: 409,
      title: 'You declined this lead',
    });
  });
});

describe('the referral link page', () => {
  it('is plain HTML with every value escaped, styled only by what its policy allows', () => {
    const html = referralLinkPageHtml({
      status: 200,
      title: 'Accept <this> lead?',
      paragraphs: ['"quoted" & <b>bold</b>'],
      details: [{ term: 'Lead type', value: '<img src=x onerror=alert(1)>' }],
      form: { action: 'accept', token: 'abc"><script>x</script>' },
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Accept &lt;this&gt; lead?</h1>');
    expect(html).toContain('<p>&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;</p>');
    expect(html).toContain('<dd>&lt;img src=x onerror=alert(1)&gt;</dd>');
    expect(html).toContain('value="abc&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toMatch(/<(script|img|link)\b|<[^>]*\s(src|href|on[a-z]+)=/);
    expect(html).toContain('<form method="post" action="accept">');
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(REFERRAL_LINK_PAGE_HEADERS['Content-Security-Policy']).toContain(`'sha256-${hash}'`);
    expect(REFERRAL_LINK_PAGE_HEADERS['Content-Security-Policy']).toContain("default-src 'none'");
  });
});
