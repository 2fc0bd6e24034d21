import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { leadsService } from '../leads.service';
import { LeadsTestKit } from '../testing/leads-test-kit';
import {
  SearchTestLeads,
  freshPerson,
  operatorCall,
  portalCall,
} from './testing/search-test-leads';

const ids = (body: { items: { leadId: string }[] }) => body.items.map((item) => item.leadId).sort();

describe('partner portal leads and reports (GET /portal/leads, /portal/reports)', () => {
  let service: ServiceUnderTest;
  let kit: LeadsTestKit;
  let leads: SearchTestLeads;
  let introducerId: string;
  // One partner per access level.
  let reporting: string;
  let leadsOnly: string;
  let noLeads: string;
  let noPortal: string;
  const person = freshPerson(`Portal${randomUUID().slice(0, 6)}`);
  const lead: Record<string, string> = {};

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
    leads = new SearchTestLeads(service);
    await kit.defineLeadType(mortgageLeadFromCrm.payload.data.leadType);
    introducerId = await kit.announcePartner({ introducer: true, partner: false });
    reporting = await kit.announcePartner({ partner: true, level: 'leads-and-reports' });
    leadsOnly = await kit.announcePartner({ partner: true, level: 'leads-only' });
    noLeads = await kit.announcePartner({ partner: true, level: 'everything-except-leads' });
    noPortal = await kit.announcePartner({ partner: true, level: 'none' });

    lead.delivered = await leads.record(introducerId, person);
    lead.accepted = await leads.record(introducerId);
    lead.allocated = await leads.record(introducerId);
    lead.referred = await leads.record(introducerId);
    lead.othersLead = await leads.record(introducerId);
    lead.noLeadsLead = await leads.record(introducerId);
    await leads.deliver(lead.delivered, reporting);
    await leads.deliver(lead.accepted, reporting);
    await leads.setStatus(lead.accepted, 'accepted');
    await leads.allocate(lead.allocated, reporting);
    await leads.refer(lead.referred, reporting);
    await leads.deliver(lead.othersLead, leadsOnly);
    await leads.deliver(lead.noLeadsLead, noLeads);
    // Wait until the read model has every lead in its last stage (a hook: it throws, no expect).
    const expected = [
      [lead.delivered, 'delivered/null'],
      [lead.accepted, 'delivered/accepted'],
      [lead.allocated, 'allocated/null'],
      [lead.referred, 'referred/null'],
      [lead.othersLead, 'delivered/null'],
      [lead.noLeadsLead, 'delivered/null'],
    ]
      .map((pair) => pair.join(' '))
      .sort();
    await expectEventually(async () => {
      const { body } = await operatorCall(kit, 'GET', `/leads?introducerId=${introducerId}`);
      const stages = body.items.map((item) => `${item.leadId} ${item.stage}/${item.status}`).sort();
      if (JSON.stringify(stages) !== JSON.stringify(expected)) {
        throw new Error(`read model not caught up: ${stages.join(', ')}`);
      }
    });
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  describe('"search and view own leads, plus reports"', () => {
    it('finds only the leads allocated or delivered to the partner', async () => {
      const { status, body } = await portalCall(service, reporting, '/portal/leads');
      expect(status).toBe(200);
      expect(ids(body)).toEqual([lead.delivered, lead.accepted, lead.allocated].sort());
      expect(body.next).toBeNull();
      // The operator's bookkeeping stays with the operator.
      expect(body.items[0]).not.toHaveProperty('introducerId');
      expect(body.items[0]).not.toHaveProperty('referredPartnerId');

      const byText = await portalCall(service, reporting, `/portal/leads?q=${person.lastName}`);
      expect(ids(byText.body)).toEqual([lead.delivered]);
      const byStatus = await portalCall(service, reporting, '/portal/leads?status=accepted');
      expect(ids(byStatus.body)).toEqual([lead.accepted]);
    });

    it('shows its own lead in full', async () => {
      const { status, body } = await portalCall(
        service,
        reporting,
        `/portal/leads/${lead.delivered}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        leadId: lead.delivered,
        view: 'full',
        stage: 'delivered',
        contact: { firstName: person.firstName, email: person.email, phone: person.phone },
        answers: mortgageLeadFromCrm.payload.data.answers,
      });
      expect(body.history.map((entry: { type: string }) => entry.type)).toEqual([
        'LeadAllocated',
        'LeadDelivered',
      ]);
    });

    it('shows a referral pending with it redacted: lead type, area and answers, nothing that identifies the person', async () => {
      const { status, body, text } = await portalCall(
        service,
        reporting,
        `/portal/leads/${lead.referred}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({
        leadId: lead.referred,
        view: 'referral',
        leadType: 'mortgage',
        area: { country: 'GB', city: 'Manchester' },
        answers: mortgageLeadFromCrm.payload.data.answers,
      });
      expect(body).not.toHaveProperty('contact');
      for (const secret of [
        'firstName',
        'lastName',
        'email',
        'phone',
        'line1',
        'Albert Road',
        '@',
      ]) {
        expect(text).not.toContain(secret);
      }
      // Not among its leads until it accepts.
      const list = await portalCall(service, reporting, '/portal/leads');
      expect(ids(list.body)).not.toContain(lead.referred);
    });

    it('reports its delivered leads by day and status, valued at its lead value', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const { status, body } = await portalCall(
        service,
        reporting,
        `/portal/reports?from=${today}&to=${today}`,
      );
      expect(status).toBe(200);
      // The example partner's lead value: GBP 35.00.
      const value = { amount: 3500, currency: 'GBP' };
      expect(body).toEqual({
        from: today,
        to: today,
        leadValue: value,
        lines: [
          { day: today, status: null, leads: 1, returned: 0, value },
          { day: today, status: 'accepted', leads: 1, returned: 0, value },
        ],
        totals: { leads: 2, returned: 0, value: { amount: 7000, currency: 'GBP' } },
      });
      const empty = await portalCall(
        service,
        reporting,
        '/portal/reports?from=2020-01-01&to=2020-01-31',
      );
      expect(empty.body.totals).toEqual({
        leads: 0,
        returned: 0,
        value: { amount: 0, currency: 'GBP' },
      });
    });

    it('refuses a report range that is not one', async () => {
      for (const [query, field] of [
        ['from=2026-03-02&to=2026-03-01', 'to'],
        ['from=2026-02-30&to=2026-03-01', 'from'],
        ['from=2024-01-01&to=2026-01-01', 'to'],
        ['to=2026-01-01', 'from'],
      ] as const) {
        const { status, body } = await portalCall(service, reporting, `/portal/reports?${query}`);
        expect(status).toBe(400);
        expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
    });
  });

  describe('"only search and view own leads"', () => {
    it('finds and shows its own leads, and gets 403 for reports', async () => {
      const list = await portalCall(service, leadsOnly, '/portal/leads');
      expect(list.status).toBe(200);
      expect(ids(list.body)).toEqual([lead.othersLead]);
      const one = await portalCall(service, leadsOnly, `/portal/leads/${lead.othersLead}`);
      expect(one.status).toBe(200);
      const reports = await portalCall(
        service,
        leadsOnly,
        '/portal/reports?from=2026-01-01&to=2026-01-31',
      );
      expect(reports.status).toBe(403);
    });
  });

  describe('"everything except leads"', () => {
    it('gets 403 from every lead endpoint and from reports, even for its own lead', async () => {
      for (const path of [
        '/portal/leads',
        `/portal/leads/${lead.noLeadsLead}`,
        '/portal/leads?limit=0',
        '/portal/reports?from=2026-01-01&to=2026-01-31',
      ]) {
        const { status, text } = await portalCall(service, noLeads, path);
        expect({ path, status }).toEqual({ path, status: 403 });
        expect(text).not.toContain(person.lastName);
      }
    });
  });

  it('refuses a partner without portal access (403) and a caller without a session (401)', async () => {
    expect((await portalCall(service, noPortal, '/portal/leads')).status).toBe(403);
    expect((await portalCall(service, randomUUID(), '/portal/leads')).status).toBe(403);
    expect((await portalCall(service, null, '/portal/leads')).status).toBe(401);
  });

  it("answers a guess at another partner's lead exactly as an id that does not exist", async () => {
    const unknown = await portalCall(service, reporting, `/portal/leads/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    for (const guessed of [lead.othersLead, lead.noLeadsLead]) {
      const answer = await portalCall(service, reporting, `/portal/leads/${guessed}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(unknown.body);
      expect(answer.text).not.toContain(guessed);
    }
    // And a referral pending with one partner is nothing to another.
    const referred = await portalCall(service, leadsOnly, `/portal/leads/${lead.referred}`);
    expect(referred.status).toBe(404);
    expect(referred.body).toEqual(unknown.body);
    // Nor does a search for its text or id find it.
    const byName = await portalCall(service, leadsOnly, `/portal/leads?q=${person.lastName}`);
    expect(byName.body.items).toEqual([]);
  });

  it('takes no partner or introducer filter from a partner', async () => {
    for (const query of [`partnerId=${reporting}`, `introducerId=${introducerId}`]) {
      const { status, body } = await portalCall(service, leadsOnly, `/portal/leads?${query}`);
      expect(status).toBe(400);
      expect(body.errors[0]?.field).toBe(query.split('=')[0]);
    }
  });
});
