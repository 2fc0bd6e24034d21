import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { expectEventually } from '@leadrail/testing';
import { leadsService } from '../../leads.service';
import { LifecycleScenario, fieldsOf } from '../testing/lifecycle-scenario';
import type { RedactedReferral } from './pending-referrals/redacted-referral';
import type { ReferralAnswer } from './refer-lead/referral-answer';

const PERSON = mortgageLeadFromCrm.payload.data.contact;

describe('Referrals', () => {
  let scenario: LifecycleScenario;

  beforeAll(async () => {
    scenario = await LifecycleScenario.start(leadsService);
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  async function referredLead(partnerId: string): Promise<string> {
    const leadId = await scenario.receivedLead();
    const referred = await scenario.operator('POST', `/leads/${leadId}/referral`, { partnerId });
    expect(referred.status).toBe(200);
    return leadId;
  }

  it('shows the partner the referral redacted, lets it accept, and publishes the referral and the acceptance', async () => {
    const partnerId = await scenario.partner({ requireReferralAcceptance: true });
    const leadId = await scenario.receivedLead();
    const before = Date.now();

    const referred = await scenario.operator<ReferralAnswer>('POST', `/leads/${leadId}/referral`, {
      partnerId,
    });
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({ leadId, stage: 'referred', changed: true });
    // The default referral timeout: 60 minutes from the referral.
    const expiresIn = Date.parse(referred.body.expiresAt!) - before;
    expect(expiresIn).toBeGreaterThan(59 * 60_000);
    expect(expiresIn).toBeLessThan(61 * 60_000);

    const listed = await expectEventually(async () => {
      const answer = await scenario.portal<RedactedReferral[]>(
        partnerId,
        'GET',
        '/portal/referrals',
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toHaveLength(1);
      return answer.body;
    });
    const { referredAt, ...shown } = listed[0]!;
    expect(shown).toEqual({
      leadId,
      leadType: 'mortgage',
      area: { country: 'GB', city: 'Manchester', postcodeDistrict: 'M14' },
      answers: mortgageLeadFromCrm.payload.data.answers,
      expiresAt: referred.body.expiresAt,
    });
    expect(Date.parse(referredAt)).toBeGreaterThanOrEqual(before);
    // Nothing that identifies the person: name, email, phone, street, full postcode.
    const text = JSON.stringify(listed);
    for (const secret of [
      PERSON.firstName,
      PERSON.lastName,
      PERSON.email!,
      PERSON.phone!,
      PERSON.address!.line1,
      PERSON.address!.postcode,
    ]) {
      expect(text).not.toContain(secret);
    }

    const accepted = await scenario.portal(partnerId, 'POST', `/portal/referrals/${leadId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      leadId,
      stage: 'allocated',
      changed: true,
      events: ['ReferralAccepted'],
    });
    // Accepting again (a retried click) changes nothing.
    const again = await scenario.portal(partnerId, 'POST', `/portal/referrals/${leadId}/accept`);
    expect(again.body).toMatchObject({ stage: 'allocated', changed: false });

    await expectEventually(async () => {
      const answer = await scenario.portal(partnerId, 'GET', '/portal/referrals');
      expect(answer.body).toEqual([]);
    });
    const published = await expectEventually(() => {
      const events = scenario.topic.eventsOf(leadId);
      expect(events.map((event) => event.type)).toEqual([
        'LeadRecorded',
        'LeadReferred',
        'ReferralAccepted',
      ]);
      return events;
    });
    expect(published[1]!.data).toMatchObject({ partnerId, expiresAt: referred.body.expiresAt });
    expect(published[2]!.data).toMatchObject({
      leadId,
      partnerId,
      acceptedBy: { type: 'partner', id: partnerId },
    });
  });

  it('sends a declined lead back to routing with the reason, so another partner can be offered it', async () => {
    const first = await scenario.partner({ requireReferralAcceptance: true });
    const second = await scenario.partner({ requireReferralAcceptance: true });
    const leadId = await referredLead(first);

    const declined = await scenario.portal(first, 'POST', `/portal/referrals/${leadId}/decline`, {
      reason: 'We do not cover Manchester this month',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ stage: 'received', changed: true });

    const offeredAgain = await scenario.operator('POST', `/leads/${leadId}/referral`, {
      partnerId: second,
    });
    expect(offeredAgain.body).toMatchObject({ stage: 'referred', changed: true });

    const published = await expectEventually(() => {
      const events = scenario.topic.eventsOf(leadId);
      expect(events.map((event) => event.type)).toEqual([
        'LeadRecorded',
        'LeadReferred',
        'ReferralDeclined',
        'LeadReferred',
      ]);
      return events;
    });
    expect(published[2]!.data).toMatchObject({
      partnerId: first,
      reason: 'We do not cover Manchester this month',
      declinedBy: { type: 'partner', id: first },
    });
    expect(published[3]!.data).toMatchObject({ partnerId: second });
  });

  it("answers 404 to a partner acting on another partner's referral, exactly as for a lead that does not exist", async () => {
    const owner = await scenario.partner();
    const stranger = await scenario.partner();
    const leadId = await referredLead(owner);

    const theirs = await scenario.portal(stranger, 'POST', `/portal/referrals/${leadId}/accept`);
    const missing = await scenario.portal(
      stranger,
      'POST',
      `/portal/referrals/${randomUUID()}/decline`,
      {},
    );
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.body.error).toBe('LEAD_NOT_RECEIVED');
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(theirs.body.message).toBe(`lead ${leadId} was not found`);

    // Nor does the stranger see it listed; the lead is still waiting for its partner.
    expect((await scenario.portal(stranger, 'GET', '/portal/referrals')).body).toEqual([]);
    expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived', 'LeadReferred']);
  });

  it('lets an operator allocate a lead without a referral, and refuses a referral of an allocated lead', async () => {
    const partnerId = await scenario.partner();
    const leadId = await scenario.receivedLead();

    const allocated = await scenario.operator('POST', `/leads/${leadId}/allocation`, { partnerId });
    expect(allocated.status).toBe(200);
    expect(allocated.body).toMatchObject({ stage: 'allocated', changed: true });
    const again = await scenario.operator('POST', `/leads/${leadId}/allocation`, { partnerId });
    expect(again.body).toMatchObject({ stage: 'allocated', changed: false });

    const referral = await scenario.operator('POST', `/leads/${leadId}/referral`, { partnerId });
    expect(referral.status).toBe(409);
    expect(referral.body.error).toBe('ALREADY_ALLOCATED');

    await expectEventually(() => {
      const allocation = scenario.topic.eventsOf(leadId).find((e) => e.type === 'LeadAllocated');
      expect(allocation?.data).toMatchObject({ partnerId });
    });
  });

  it('refuses to allocate directly to a partner that accepts referrals first', async () => {
    const partnerId = await scenario.partner({ requireReferralAcceptance: true });
    const leadId = await scenario.receivedLead();
    const allocated = await scenario.operator('POST', `/leads/${leadId}/allocation`, { partnerId });
    expect(allocated.status).toBe(409);
    expect(allocated.body.error).toBe('REFERRAL_ACCEPTANCE_REQUIRED');
    expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived']);
  });

  it('refuses malformed ids, bodies and partners with 400 naming the field', async () => {
    const partnerId = await scenario.partner();
    const introducer = await scenario.kit.announcePartner({ introducer: true, partner: false });
    const leadId = await scenario.receivedLead();

    const badLeadId = await scenario.operator('POST', '/leads/not-a-lead/referral', { partnerId });
    expect(badLeadId.status).toBe(400);
    expect(badLeadId.body.errors).toEqual([
      { field: 'leadId', messages: ['leadId must be a UUID'] },
    ]);
    const badPortalId = await scenario.portal(partnerId, 'POST', '/portal/referrals/42/accept');
    expect(badPortalId.status).toBe(400);
    expect(fieldsOf(badPortalId)).toEqual(['leadId']);

    const cases: [unknown, string][] = [
      [{}, 'partnerId'],
      [{ partnerId: 'has spaces' }, 'partnerId'],
      [{ partnerId: randomUUID() }, 'partnerId'],
      [{ partnerId: introducer }, 'partnerId'],
      [{ partnerId, priority: 'high' }, 'priority'],
    ];
    for (const [body, field] of cases) {
      const answer = await scenario.operator('POST', `/leads/${leadId}/referral`, body);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain(field);
    }

    await scenario.operator('POST', `/leads/${leadId}/referral`, { partnerId });
    const longReason = await scenario.portal(
      partnerId,
      'POST',
      `/portal/referrals/${leadId}/decline`,
      { reason: 'x'.repeat(501) },
    );
    expect(longReason.status).toBe(400);
    expect(fieldsOf(longReason)).toEqual(['reason']);
    expect(await scenario.storedTypes(leadId)).toEqual(['LeadReceived', 'LeadReferred']);
  });

  it('keeps referrals to partners whose portal level sees leads, and to signed-in partners', async () => {
    const noLeads = await scenario.partner({ level: 'everything-except-leads' });
    const refused = await scenario.portal(noLeads, 'GET', '/portal/referrals');
    expect(refused.status).toBe(403);

    const anonymous = await fetch(`${scenario.service.url}/portal/referrals`);
    expect(anonymous.status).toBe(401);

    const readOnly = await fetch(`${scenario.service.url}/leads/${randomUUID()}/allocation`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${scenario.service.tokens.readOnly}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ partnerId: noLeads }),
    });
    expect(readOnly.status).toBe(403);
  });
});
