import { randomUUID } from 'node:crypto';
import { expectEventually } from '@leadrail/testing';
import { leadsService } from '../../leads.service';
import { LifecycleScenario, fieldsOf } from '../testing/lifecycle-scenario';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Lead returns', () => {
  let scenario: LifecycleScenario;

  beforeAll(async () => {
    scenario = await LifecycleScenario.start(leadsService);
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  const askToReturn = (partnerId: string, leadId: string, reason: unknown) =>
    scenario.portal(partnerId, 'POST', `/portal/leads/${leadId}/return`, { reason });

  it('lets a partner ask to return a lead within the window, and an operator accept it: ReturnAccepted is published', async () => {
    const partnerId = await scenario.partner();
    const deliveredAt = new Date(Date.now() - 2 * DAY_MS);
    const leadId = await scenario.deliveredLead(partnerId, deliveredAt);

    const requested = await askToReturn(partnerId, leadId, 'The phone number does not exist');
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({
      stage: 'delivered',
      changed: true,
      returnOutcome: 'pending',
      // The default window: 7 days after delivery.
      windowEndsAt: new Date(deliveredAt.getTime() + 7 * DAY_MS).toISOString(),
    });

    const accepted = await scenario.operator('POST', `/leads/${leadId}/return/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      stage: 'returned',
      changed: true,
      returnOutcome: 'accepted',
    });
    const again = await scenario.operator('POST', `/leads/${leadId}/return/accept`);
    expect(again.body).toMatchObject({ stage: 'returned', changed: false });

    const published = await expectEventually(() => {
      const events = scenario.topic.eventsOf(leadId);
      expect(events.map((event) => event.type)).toEqual([
        'LeadRecorded',
        'LeadAllocated',
        'LeadDelivered',
        'ReturnRequested',
        'ReturnAccepted',
      ]);
      return events;
    });
    expect(published[3]!.data).toMatchObject({
      partnerId,
      reason: 'The phone number does not exist',
    });
    expect(published[4]!.data).toMatchObject({
      partnerId,
      acceptedBy: { type: 'operator', id: 'test-admin' },
    });
  });

  it('lets an operator decline a return, saying why', async () => {
    const partnerId = await scenario.partner();
    const leadId = await scenario.deliveredLead(partnerId);
    await askToReturn(partnerId, leadId, 'Duplicate of one we bought elsewhere');

    const noReason = await scenario.operator('POST', `/leads/${leadId}/return/decline`, {});
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason']);

    const declined = await scenario.operator('POST', `/leads/${leadId}/return/decline`, {
      reason: 'Not a duplicate: different person',
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ stage: 'delivered', returnOutcome: 'declined' });
    // Decided: neither asking again nor accepting changes it.
    expect((await askToReturn(partnerId, leadId, 'Please reconsider')).status).toBe(409);
    const late = await scenario.operator('POST', `/leads/${leadId}/return/accept`);
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('RETURN_ALREADY_DECIDED');

    await expectEventually(() => {
      const declinedEvent = scenario.topic
        .eventsOf(leadId)
        .find((event) => event.type === 'ReturnDeclined');
      expect(declinedEvent?.data).toMatchObject({
        reason: 'Not a duplicate: different person',
        declinedBy: { type: 'operator', id: 'test-admin' },
      });
    });
  });

  it('refuses a return once the window has closed (409 RETURN_WINDOW_CLOSED), and follows the window operators set', async () => {
    const partnerId = await scenario.partner();
    const lateLead = await scenario.deliveredLead(partnerId, new Date(Date.now() - 8 * DAY_MS));

    const closed = await askToReturn(partnerId, lateLead, 'Wrong number');
    expect(closed.status).toBe(409);
    expect(closed.body.error).toBe('RETURN_WINDOW_CLOSED');

    const widened = await scenario.operator('PUT', '/lead-settings/return-window', { days: 30 });
    expect(widened.status).toBe(200);
    try {
      const open = await askToReturn(partnerId, lateLead, 'Wrong number');
      expect(open.status).toBe(200);
      expect(open.body.returnOutcome).toBe('pending');
    } finally {
      await scenario.operator('PUT', '/lead-settings/return-window', { days: 7 });
    }
    expect(await scenario.storedTypes(lateLead)).toEqual([
      'LeadReceived',
      'LeadAllocated',
      'LeadDelivered',
      'ReturnRequested',
    ]);
  });

  it("answers 404 to a partner returning another partner's lead, and 400 to a return without a reason", async () => {
    const owner = await scenario.partner();
    const stranger = await scenario.partner();
    const leadId = await scenario.deliveredLead(owner);

    const theirs = await askToReturn(stranger, leadId, 'Not ours');
    expect(theirs.status).toBe(404);
    expect(theirs.body.error).toBe('LEAD_NOT_RECEIVED');
    expect((await askToReturn(stranger, randomUUID(), 'Not ours')).status).toBe(404);

    const blank = await askToReturn(owner, leadId, '');
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank)).toEqual(['reason']);
    const noReturn = await scenario.operator('POST', `/leads/${leadId}/return/accept`);
    expect(noReturn.status).toBe(409);
    expect(noReturn.body.error).toBe('NO_RETURN_REQUESTED');
    expect(await scenario.storedTypes(leadId)).toEqual([
      'LeadReceived',
      'LeadAllocated',
      'LeadDelivered',
    ]);
  });
});
