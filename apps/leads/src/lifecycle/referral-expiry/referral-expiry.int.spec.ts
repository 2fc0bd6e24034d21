import { randomUUID } from 'node:crypto';
import { expectEventually } from '@leadrail/testing';
import { leadsService } from '../../leads.service';
import type { RedactedReferral } from '../referrals/pending-referrals/redacted-referral';
import { LifecycleScenario } from '../testing/lifecycle-scenario';
import { ReferralExpiryPoller } from './referral-expiry.poller';

const ROUTING = { type: 'system', id: 'tests.routing' } as const;

describe(ReferralExpiryPoller.name, () => {
  let scenario: LifecycleScenario;

  beforeAll(async () => {
    // A fast timer, so a deadline a second ahead is passed and noticed within the test.
    process.env.REFERRAL_EXPIRY_POLL_MS = '200';
    scenario = await LifecycleScenario.start(leadsService);
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  /** A lead referred, as routing will refer it, with a deadline `ms` from now. */
  async function referredFor(partnerId: string, ms: number): Promise<string> {
    const leadId = await scenario.receivedLead();
    const expiresAt = new Date(Date.now() + ms).toISOString();
    await scenario.leads.issue('ReferLead', leadId, { partnerId, expiresAt }, { actor: ROUTING });
    return leadId;
  }

  async function deadlineRows(leadId: string): Promise<number> {
    const { rows } = await scenario.kit.db.query(
      'SELECT 1 FROM leads.referral_deadlines WHERE lead_id = $1',
      [leadId],
    );
    return rows.length;
  }

  it('expires a referral nobody answered at its deadline, refuses the late answer, and publishes ReferralExpired', async () => {
    const partnerId = await scenario.partner({ requireReferralAcceptance: true });
    const leadId = await referredFor(partnerId, 2500);
    const expiresAt = (await scenario.kit.leadStream(leadId))[1]!.data.expiresAt as string;
    await expectEventually(async () => expect(await deadlineRows(leadId)).toBe(1));
    // Offered and still open: listed, and not expired before its time.
    const listed = await scenario.portal<RedactedReferral[]>(partnerId, 'GET', '/portal/referrals');
    expect(listed.body.map((referral) => referral.leadId)).toEqual([leadId]);
    expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived', 'LeadReferred']);

    const stored = await expectEventually(async () => {
      const events = await scenario.kit.leadStream(leadId);
      expect(events.map((event) => event.type)).toEqual([
        'LeadReceived',
        'LeadReferred',
        'ReferralExpired',
      ]);
      return events;
    });
    const expired = stored[2]!;
    expect(expired.metadata.actor).toEqual({ type: 'system', id: 'leads.referral-expiry' });
    expect(Date.parse(expired.data.expiredAt as string)).toBeGreaterThanOrEqual(
      Date.parse(expiresAt),
    );

    const late = await scenario.portal(partnerId, 'POST', `/portal/referrals/${leadId}/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('REFERRAL_EXPIRED');
    await expectEventually(async () => expect(await deadlineRows(leadId)).toBe(0));
    expect((await scenario.portal(partnerId, 'GET', '/portal/referrals')).body).toEqual([]);

    await expectEventually(() => {
      const events = scenario.topic.eventsOf(leadId);
      expect(events.map((event) => event.type)).toEqual([
        'LeadRecorded',
        'LeadReferred',
        'ReferralExpired',
      ]);
      expect(events[2]!.data).toMatchObject({ leadId, partnerId });
    });
    const metrics = await (await fetch(`${scenario.service.url}/metrics`)).text();
    expect(metrics).toMatch(/leadrail_referral_expiries_total\{outcome="expired"[^}]*\} [1-9]/);
  });

  it('never expires a referral the partner answered in time, even when its deadline row is still due', async () => {
    const partnerId = await scenario.partner();
    const leadId = await referredFor(partnerId, 2000);
    await expectEventually(async () => expect(await deadlineRows(leadId)).toBe(1));
    const accepted = await scenario.portal(partnerId, 'POST', `/portal/referrals/${leadId}/accept`);
    expect(accepted.status).toBe(200);
    await expectEventually(async () => expect(await deadlineRows(leadId)).toBe(0));
    // As if the projection had not caught up yet: the row is back, due now.
    await scenario.kit.db.query(
      `INSERT INTO leads.referral_deadlines (lead_id, partner_id, referred_at, expires_at)
       VALUES ($1, $2, now(), now() - interval '1 second')`,
      [leadId, partnerId],
    );
    await scenario.service.app.get(ReferralExpiryPoller).tick();
    await expectEventually(async () => expect(await deadlineRows(leadId)).toBe(0));
    expect(await scenario.storedTypes(leadId)).toEqual([
      'LeadReceived',
      'LeadReferred',
      'ReferralAccepted',
    ]);
  });

  it('expires each due referral exactly once when several pollers run at the same moment', async () => {
    const partnerId = await scenario.partner();
    const leadIds = await Promise.all(
      Array.from({ length: 8 }, () => referredFor(partnerId, 1000)),
    );
    const poller = scenario.service.app.get(ReferralExpiryPoller);
    const expiries = async (leadId: string) =>
      (await scenario.storedTypes(leadId)).filter((type) => type === 'ReferralExpired').length;

    await expectEventually(async () => {
      // Three more instances' worth of ticks, racing each other and the service's own timer.
      await Promise.all([poller.tick(), poller.tick(), poller.tick()]);
      for (const leadId of leadIds) {
        expect(await expiries(leadId)).toBe(1);
      }
    });
    await Promise.all([poller.tick(), poller.tick()]);
    for (const leadId of leadIds) {
      expect(await expiries(leadId)).toBe(1);
      expect(await deadlineRows(leadId)).toBe(0);
    }
  });

  it('retries later, without blocking the others, a referral that cannot be expired', async () => {
    const partnerId = await scenario.partner();
    const due = await referredFor(partnerId, 300);
    // A deadline for a lead the log does not have: the lead aggregate refuses to expire it.
    const ghost = randomUUID();
    await scenario.kit.db.query(
      `INSERT INTO leads.referral_deadlines (lead_id, partner_id, referred_at, expires_at)
       VALUES ($1, $2, now(), now() - interval '1 second')`,
      [ghost, partnerId],
    );

    await expectEventually(async () => {
      expect(await scenario.storedTypes(due)).toContain('ReferralExpired');
    });
    const { rows } = await scenario.kit.db.query<{ attempts: number; retry_at: Date }>(
      'SELECT attempts, retry_at FROM leads.referral_deadlines WHERE lead_id = $1',
      [ghost],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.attempts).toBe(1);
    // Backed off by a minute: not tried again on every tick.
    expect(rows[0]!.retry_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    const metrics = await (await fetch(`${scenario.service.url}/metrics`)).text();
    expect(metrics).toMatch(/leadrail_referral_expiries_total\{outcome="failed"[^}]*\} 1/);
  });
});
