import { randomUUID } from 'node:crypto';
import { expectEventually } from '@leadrail/testing';
import { leadsService } from '../../leads.service';
import { LifecycleScenario, fieldsOf } from '../testing/lifecycle-scenario';

describe('Lead status updates', () => {
  let scenario: LifecycleScenario;

  beforeAll(async () => {
    scenario = await LifecycleScenario.start(leadsService);
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  const setStatus = (partnerId: string, leadId: string, status: unknown) =>
    scenario.portal(partnerId, 'PUT', `/portal/leads/${leadId}/status`, { status });

  it("lets a partner allowed to update statuses set its lead's status, recorded as its own and published", async () => {
    const partnerId = await scenario.partner({ mayUpdateLeadStatus: true });
    const leadId = await scenario.deliveredLead(partnerId);

    const contacted = await setStatus(partnerId, leadId, 'contacted');
    expect(contacted.status).toBe(200);
    expect(contacted.body).toEqual({
      leadId,
      stage: 'delivered',
      changed: true,
      events: ['LeadStatusChanged'],
      status: 'contacted',
    });
    // Skipping ahead reaches every billing point in between, once.
    const qualified = await setStatus(partnerId, leadId, 'qualified');
    expect(qualified.body).toMatchObject({ status: 'qualified', changed: true });
    const same = await setStatus(partnerId, leadId, 'qualified');
    expect(same.body).toMatchObject({ status: 'qualified', changed: false });

    const published = await expectEventually(() => {
      const changes = scenario.topic
        .eventsOf(leadId)
        .filter((event) => event.type === 'LeadStatusChanged');
      expect(changes).toHaveLength(2);
      return changes;
    });
    expect(published[0]!.data).toMatchObject({
      partnerId,
      status: 'contacted',
      previousStatus: null,
      billingPointsReached: [],
      changedBy: { type: 'partner', id: partnerId },
    });
    expect(published[1]!.data).toMatchObject({
      status: 'qualified',
      previousStatus: 'contacted',
      billingPointsReached: ['accepted', 'qualified'],
    });
  });

  it('refuses with 403 a partner the operator does not allow to update statuses, before looking at the lead', async () => {
    const partnerId = await scenario.partner({ mayUpdateLeadStatus: false });
    const leadId = await scenario.deliveredLead(partnerId);

    const refused = await setStatus(partnerId, leadId, 'contacted');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('mayUpdateLeadStatus');
    const unknownLead = await setStatus(partnerId, randomUUID(), 'contacted');
    expect(unknownLead.status).toBe(403);
    expect(await scenario.storedTypes(leadId)).toEqual([
      'LeadReceived',
      'LeadAllocated',
      'LeadDelivered',
    ]);
  });

  it("refuses a status not in the operators' catalogue with 400 naming status, and a billing point moving back with 409", async () => {
    const partnerId = await scenario.partner();
    const leadId = await scenario.deliveredLead(partnerId);

    const unknown = await setStatus(partnerId, leadId, 'on-holiday');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('UNKNOWN_STATUS');
    expect(unknown.body.errors).toEqual([
      { field: 'status', messages: [expect.stringContaining('must be one of new, accepted')] },
    ]);
    const blank = await setStatus(partnerId, leadId, '   ');
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank)).toEqual(['status']);

    expect((await setStatus(partnerId, leadId, 'converted')).status).toBe(200);
    const backward = await setStatus(partnerId, leadId, 'qualified');
    expect(backward.status).toBe(409);
    expect(backward.body.error).toBe('STATUS_MOVES_BACKWARD');
    // A status that is no billing point may still be set.
    expect((await setStatus(partnerId, leadId, 'lost')).body).toMatchObject({ status: 'lost' });
  });

  it('follows the catalogue operators set, and lets an operator set a status as itself', async () => {
    const partnerId = await scenario.partner();
    const leadId = await scenario.deliveredLead(partnerId);
    const catalogue = await scenario.operator('PUT', '/lead-settings/statuses', {
      statuses: [
        { status: 'new', billingPoint: null },
        { status: 'accepted', billingPoint: 'accepted' },
        { status: 'contacted', billingPoint: null },
        { status: 'qualified', billingPoint: 'qualified' },
        { status: 'converted', billingPoint: 'converted' },
        { status: 'lost', billingPoint: null },
        { status: 'callback-booked', billingPoint: null },
      ],
    });
    expect(catalogue.status).toBe(200);

    expect((await setStatus(partnerId, leadId, 'callback-booked')).status).toBe(200);
    const byOperator = await scenario.operator('PUT', `/leads/${leadId}/status`, {
      status: 'converted',
    });
    expect(byOperator.status).toBe(200);
    expect(byOperator.body).toMatchObject({ status: 'converted', changed: true });
    const [last] = (await scenario.kit.leadStream(leadId)).slice(-1);
    expect(last).toMatchObject({
      type: 'LeadStatusChanged',
      data: { changedBy: { type: 'operator', id: 'test-admin' } },
    });
  });

  it("answers 404 to a partner setting the status of another partner's lead, and 409 before delivery", async () => {
    const owner = await scenario.partner();
    const stranger = await scenario.partner();
    const delivered = await scenario.deliveredLead(owner);

    const theirs = await setStatus(stranger, delivered, 'contacted');
    expect(theirs.status).toBe(404);
    expect(theirs.body.error).toBe('LEAD_NOT_RECEIVED');
    expect((await setStatus(stranger, randomUUID(), 'contacted')).status).toBe(404);

    const waiting = await scenario.receivedLead();
    const notDelivered = await scenario.operator('PUT', `/leads/${waiting}/status`, {
      status: 'contacted',
    });
    expect(notDelivered.status).toBe(409);
    expect(notDelivered.body.error).toBe('LEAD_NOT_DELIVERED');
    expect((await setStatus(owner, 'not-a-uuid', 'contacted')).status).toBe(400);
  });
});
