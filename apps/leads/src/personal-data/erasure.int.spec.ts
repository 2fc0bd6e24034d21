import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { LeadErrorCode, type LeadSubmission } from '@leadrail/leads-domain';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { findMessage } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { LeadIntake } from '../intake/lead-intake';
import { LeadCommands } from '../lead/lead-commands';
import { leadsService } from '../leads.service';
import { LeadsTestKit } from '../testing/leads-test-kit';
import { ERASED_CONTACT } from './erased-contact';
import { openContact } from './seal-contact';
import type { SealedPersonalData } from './sealed-personal-data';

describe('erasure of personal data', () => {
  let service: ServiceUnderTest;
  let kit: LeadsTestKit;
  let introducerId: string;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
    introducerId = await kit.announcePartner({ introducer: true, partner: false });
    await kit.defineLeadType(mortgageLeadFromCrm.payload.data.leadType);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  /** Records a fresh copy of the example lead through intake, as its introducer sends it. */
  async function recordLead(): Promise<LeadSubmission> {
    const submission: LeadSubmission = {
      ...mortgageLeadFromCrm.payload.data,
      leadId: randomUUID(),
      introducerId,
      externalReference: `crm-${randomUUID()}`,
    };
    const answer = await service.app.get(LeadIntake).submit(submission, {
      source: { channel: 'http' },
      actor: { type: 'introducer', id: introducerId },
    });
    expect(answer).toMatchObject({ outcome: 'accepted', leadId: submission.leadId });
    return submission;
  }

  async function call(method: string, path: string, token: string) {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  }

  it('serves the key that opens the stored contact, erases it once, and answers 410 for it after', async () => {
    const lead = await recordLead();
    const { leadId } = lead;

    const served = await kit.operator('GET', `/leads/${leadId}/personal-data-key`);
    expect(served.status).toBe(200);
    expect(served.body).toEqual({
      keyId: leadId,
      alg: 'A256GCM',
      key: expect.any(String) as string,
    });
    const key = Buffer.from(served.body.key as string, 'base64url');
    expect(key).toHaveLength(32);
    const [stored] = await kit.leadStream(leadId);
    expect(stored?.type).toBe('LeadReceived');
    const personal = stored!.data.personal as SealedPersonalData;
    expect(openContact(personal, key)).toEqual(lead.contact);
    // The id is accepted in any case, as the log keeps it in lower case.
    expect(
      (await kit.operator('GET', `/leads/${leadId.toUpperCase()}/personal-data-key`)).body,
    ).toEqual(served.body);

    const erased = await kit.operator('DELETE', `/leads/${leadId}/personal-data`);
    expect(erased).toMatchObject({ status: 200, body: { leadId, erased: true, changed: true } });
    const again = await kit.operator('DELETE', `/leads/${leadId}/personal-data`);
    expect(again).toMatchObject({ status: 200, body: { leadId, erased: true, changed: false } });

    const gone = await kit.operator('GET', `/leads/${leadId}/personal-data-key`);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ statusCode: 410, error: 'PERSONAL_DATA_ERASED' });
    expect(JSON.stringify(gone.body)).not.toContain(served.body.key);

    // The key is gone from the table; the row stays as the record of the erasure.
    const { rows } = await kit.db.query(
      'SELECT key, erased_at, erased_by FROM leads.lead_personal_data_keys WHERE lead_id = $1',
      [leadId],
    );
    expect(rows).toEqual([
      { key: null, erased_at: expect.any(Date) as Date, erased_by: 'test-admin' },
    ]);

    // One erasure on record, by the operator, however often it was asked for.
    const events = await kit.leadStream(leadId);
    expect(events.map((event) => event.type)).toEqual(['LeadReceived', 'LeadPersonalDataErased']);
    expect(events.at(-1)).toMatchObject({
      data: {
        leadId,
        erasedAt: expect.any(String) as string,
        erasedBy: { type: 'operator', id: 'test-admin' },
      },
      metadata: { actor: { type: 'operator', id: 'test-admin' } },
    });
    // The sealed contact is still in the log, and nothing of the person is in clear.
    const text = JSON.stringify(events);
    for (const part of [
      lead.contact.firstName,
      lead.contact.lastName,
      lead.contact.email!,
      lead.contact.phone!,
    ]) {
      expect(text).not.toContain(part);
    }

    // The aggregate reads the contact as erased; the rest of the lead remains.
    const { state } = await service.app.get(LeadCommands).load(leadId);
    expect(state).toMatchObject({
      stage: 'received',
      id: leadId,
      erasedAt: expect.any(String) as string,
      details: { contact: ERASED_CONTACT, leadType: lead.leadType, introducerId },
    });

    // Consumers hear of it, to drop what they opened.
    await findMessage(Topics.leads, (message) => {
      const published = JSON.parse(message.value?.toString() ?? '{}') as {
        type?: string;
        data?: { leadId?: string };
      };
      return published.type === 'LeadPersonalDataErased' && published.data?.leadId === leadId;
    });
  });

  it('refuses to record the same lead again once its data was erased', async () => {
    const lead = await recordLead();
    await kit.operator('DELETE', `/leads/${lead.leadId}/personal-data`);
    // A late retry of the submission meets a contact that reads as erased: other details, refused.
    await expect(
      service.app.get(LeadIntake).submit(lead, {
        source: { channel: 'http' },
        actor: { type: 'introducer', id: introducerId },
      }),
    ).rejects.toMatchObject({ code: LeadErrorCode.ALREADY_RECEIVED });
    // No new key was made for it.
    expect((await kit.operator('GET', `/leads/${lead.leadId}/personal-data-key`)).status).toBe(410);
    expect((await kit.leadStream(lead.leadId)).map((event) => event.type)).toEqual([
      'LeadReceived',
      'LeadPersonalDataErased',
    ]);
  });

  it('answers 404 for a lead that was never recorded, with no key made for it', async () => {
    const unknown = randomUUID();
    expect((await kit.operator('DELETE', `/leads/${unknown}/personal-data`)).status).toBe(404);
    expect((await kit.operator('GET', `/leads/${unknown}/personal-data-key`)).status).toBe(404);
    const { rows } = await kit.db.query(
      'SELECT 1 FROM leads.lead_personal_data_keys WHERE lead_id = $1',
      [unknown],
    );
    expect(rows).toEqual([]);
    expect(await kit.leadStream(unknown)).toEqual([]);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    for (const [method, path] of [
      ['DELETE', '/leads/not-a-uuid/personal-data'],
      ['GET', '/leads/not-a-uuid/personal-data-key'],
    ] as const) {
      const answer = await kit.operator(method, path);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ errors: [{ field: 'leadId' }] });
    }
  });

  it('lets only administrators erase data or read keys', async () => {
    const { leadId } = await recordLead();
    for (const [method, path] of [
      ['DELETE', `/leads/${leadId}/personal-data`],
      ['GET', `/leads/${leadId}/personal-data-key`],
    ] as const) {
      expect((await call(method, path, service.tokens.readOnly)).status).toBe(403);
      expect((await call(method, path, 'not-a-token')).status).toBe(401);
    }
    // Nothing was erased by the refused calls.
    expect((await kit.operator('GET', `/leads/${leadId}/personal-data-key`)).status).toBe(200);
    expect((await kit.leadStream(leadId)).map((event) => event.type)).toEqual(['LeadReceived']);
  });
});
