import { randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, plainKafka } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { Partitioners } from 'kafkajs';
import { type EventStore } from '@leadrail/event-store';
import { matchKeys, toLeadDetails } from '@leadrail/leads-domain';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { leadsService } from '../../leads.service';
import { requestFingerprint } from './intake-idempotency';
import { LeadsTestKit } from '../../testing/leads-test-kit';

/** A valid lead as an introducer's JSON body (no introducerId: the key names it). */
function jsonLead(overrides: Record<string, unknown> = {}) {
  return {
    leadId: randomUUID(),
    leadType: 'mortgage',
    contact: {
      firstName: 'Priya',
      lastName: 'Shah',
      email: `priya.${randomUUID().slice(0, 8)}@example.com`,
      phone: '+447700900123',
      address: { line1: '1 High St', city: 'London', postcode: 'SW1A 1AA', country: 'GB' },
    },
    answers: { loan_amount: 250000, first_time_buyer: true },
    consent: { contactByPhone: true, contactByEmail: true, capturedAt: '2026-11-25T08:59:38.000Z' },
    receivedAt: '2026-11-25T09:00:00.000Z',
    ...overrides,
  };
}

type Lead = ReturnType<typeof jsonLead>;

function xmlOf(lead: Lead): string {
  const { contact, consent } = lead;
  return `<?xml version="1.0" encoding="UTF-8"?>
<lead>
  <leadId>${lead.leadId}</leadId>
  <leadType>${lead.leadType}</leadType>
  <contact>
    <firstName>${contact.firstName}</firstName>
    <lastName>${contact.lastName}</lastName>
    <email>${contact.email}</email>
    <phone>${contact.phone}</phone>
    <address><line1>${contact.address.line1}</line1><city>${contact.address.city}</city><postcode>${contact.address.postcode}</postcode><country>${contact.address.country}</country></address>
  </contact>
  <answers>
    <loan_amount type="number">${lead.answers.loan_amount}</loan_amount>
    <first_time_buyer type="boolean">${lead.answers.first_time_buyer}</first_time_buyer>
  </answers>
  <consent><contactByPhone>${consent.contactByPhone}</contactByPhone><contactByEmail>${consent.contactByEmail}</contactByEmail><capturedAt>${consent.capturedAt}</capturedAt></consent>
  <receivedAt>${lead.receivedAt}</receivedAt>
</lead>`;
}

function formOf(lead: Lead): string {
  const { contact, consent } = lead;
  return new URLSearchParams({
    leadId: lead.leadId,
    leadType: lead.leadType,
    'contact.firstName': contact.firstName,
    'contact.lastName': contact.lastName,
    'contact.email': contact.email,
    'contact.phone': contact.phone,
    'contact.address.line1': contact.address.line1,
    'contact.address.city': contact.address.city,
    'contact.address.postcode': contact.address.postcode,
    'contact.address.country': contact.address.country,
    'answers.loan_amount:number': String(lead.answers.loan_amount),
    'answers.first_time_buyer:boolean': String(lead.answers.first_time_buyer),
    'consent.contactByPhone': String(consent.contactByPhone),
    'consent.contactByEmail': String(consent.contactByEmail),
    'consent.capturedAt': consent.capturedAt,
    receivedAt: lead.receivedAt,
  }).toString();
}

describe('HTTP lead intake (introducers, API key)', () => {
  let service: ServiceUnderTest;
  let kit: LeadsTestKit;
  let introducerId: string;
  let apiKey: string;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
    introducerId = await kit.announcePartner({ introducer: true, partner: false });
    await kit.defineLeadType('mortgage');
    const issued = await kit.operator('POST', `/introducers/${introducerId}/api-keys`, {
      label: 'crm',
    });
    if (issued.status !== 201) {
      throw new Error(`issuing an API key: ${issued.status} ${JSON.stringify(issued.body)}`);
    }
    apiKey = String(issued.body.apiKey);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  async function post(body: string, contentType: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${service.url}/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType, ...headers },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  const postJson = (lead: object, headers?: Record<string, string>) =>
    post(JSON.stringify(lead), 'application/json', headers);

  it('records the same lead once, whether it comes as JSON, XML or a form', async () => {
    const lead = jsonLead();
    const asJson = await postJson(lead);
    expect(asJson).toMatchObject({
      status: 201,
      body: { status: 'accepted', leadId: lead.leadId, replayed: false },
    });
    const asXml = await post(xmlOf(lead), 'application/xml');
    expect(asXml).toMatchObject({
      status: 200,
      body: { status: 'accepted', leadId: lead.leadId, replayed: true },
    });
    const asForm = await post(formOf(lead), 'application/x-www-form-urlencoded');
    expect(asForm).toMatchObject({
      status: 200,
      body: { status: 'accepted', leadId: lead.leadId, replayed: true },
    });

    const events = await kit.leadStream(lead.leadId);
    expect(events.map((event) => event.type)).toEqual(['LeadReceived']);
    expect(events[0]!.data).toMatchObject({
      source: { channel: 'http' },
      details: {
        introducerId,
        leadType: 'mortgage',
        answers: { loan_amount: 250000, first_time_buyer: true },
      },
      area: { country: 'GB', city: 'London', postcodeDistrict: 'SW1A' },
    });
    expect(JSON.stringify(events)).not.toContain(lead.contact.email);
  });

  it('records the same lead once when it comes over HTTP and on Kafka', async () => {
    const lead = jsonLead();
    expect((await postJson(lead)).status).toBe(201);
    const eventId = randomUUID();
    const producer = plainKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: Topics.leadIntake,
      acks: -1,
      messages: [
        {
          key: lead.leadId,
          value: JSON.stringify({
            eventId,
            type: 'LeadReceived',
            version: 1,
            occurredAt: '2026-11-25T09:00:01.000Z',
            correlationId: eventId,
            causationId: eventId,
            source: 'acme.crm',
            data: { ...lead, introducerId },
          }),
        },
      ],
    });
    await producer.disconnect();
    // Consumed (the inbox has it), and the lead is still the one HTTP recorded.
    await expectEventually(async () => {
      const { rows } = await kit.db.query(
        'SELECT 1 FROM leads.processed_events WHERE event_id = $1',
        [eventId],
      );
      expect(rows).toHaveLength(1);
    });
    const events = await kit.leadStream(lead.leadId);
    expect(events.map((event) => event.type)).toEqual(['LeadReceived']);
    expect(events[0]!.data).toMatchObject({ source: { channel: 'http' } });
  });

  it('mints the lead id when the introducer sends none', async () => {
    const lead: Partial<Lead> = jsonLead();
    delete lead.leadId;
    const answer = await postJson(lead);
    expect(answer.status).toBe(201);
    const leadId = String(answer.body.leadId);
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await kit.leadStream(leadId)).toHaveLength(1);
  });

  it('answers invalid data with 400 and every field, and records nothing', async () => {
    const lead = jsonLead({ leadType: 'Not A Slug', receivedAt: 'yesterday' });
    const answer = await postJson({ ...lead, contact: { firstName: '', lastName: 'X' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('INVALID_LEAD');
    const fields = (answer.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining(['leadType', 'receivedAt', 'contact.firstName', 'contact']),
    );
    expect(await kit.leadStream(lead.leadId)).toEqual([]);
  });

  it('refuses unknown fields and other formats, naming them', async () => {
    const unknown = await postJson({ ...jsonLead(), colour: 'blue' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'colour' })]);
    const text = await post('lead please', 'text/plain');
    expect(text.status).toBe(415);
    const broken = await post('<lead><leadId>', 'application/xml');
    expect(broken.status).toBe(400);
  });

  it('rejects with 422 and a code, recorded: unknown type, no consent, duplicate naming the original', async () => {
    const unknownType = jsonLead({ leadType: 'time-travel' });
    expect(await postJson(unknownType)).toMatchObject({
      status: 422,
      body: {
        status: 'rejected',
        error: 'UNKNOWN_LEAD_TYPE',
        leadId: unknownType.leadId,
        errors: [{ field: 'leadType' }],
      },
    });
    const noConsent = jsonLead({
      consent: {
        contactByPhone: false,
        contactByEmail: false,
        capturedAt: '2026-11-25T08:59:38.000Z',
      },
    });
    expect(await postJson(noConsent)).toMatchObject({
      status: 422,
      body: { error: 'NO_CONSENT', errors: [{ field: 'consent' }] },
    });
    expect((await kit.leadStream(noConsent.leadId)).map((event) => event.type)).toEqual([
      'LeadRejected',
    ]);

    await kit.operator('PUT', '/lead-settings/duplicate-rules', {
      rules: [
        {
          id: 'same-email',
          keys: ['email'],
          scope: 'all-introducers',
          window: { type: 'days', days: 30 },
          action: 'reject',
        },
      ],
    });
    const original = jsonLead();
    expect((await postJson(original)).status).toBe(201);
    const again = jsonLead({
      contact: { ...original.contact, email: original.contact.email.toUpperCase() },
    });
    expect(await postJson(again)).toMatchObject({
      status: 422,
      body: {
        error: 'DUPLICATE_LEAD',
        leadId: again.leadId,
        duplicateOf: {
          originalLeadId: original.leadId,
          ruleId: 'same-email',
          matchedOn: ['email'],
        },
      },
    });
  });

  it('rejects leads of an introducer that is no introducer', async () => {
    const partnerOnly = await kit.announcePartner({ introducer: false, partner: true });
    const issued = await kit.operator('POST', `/introducers/${partnerOnly}/api-keys`, {
      label: 'x',
    });
    const response = await fetch(`${service.url}/leads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${String(issued.body.apiKey)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(jsonLead()),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: 'INTRODUCER_NOT_ACTIVE',
      errors: [{ field: 'introducerId' }],
    });
  });

  it('gives a retry the first answer: same external reference, or same Idempotency-Key', async () => {
    const externalReference = `crm-${randomUUID()}`;
    const first = jsonLead({ externalReference });
    expect((await postJson(first)).status).toBe(201);
    const retried = await postJson({ ...first, leadId: randomUUID() });
    expect(retried).toMatchObject({ status: 200, body: { leadId: first.leadId, replayed: true } });

    const key = randomUUID();
    const withKey = jsonLead();
    const once = await postJson(withKey, { 'idempotency-key': key });
    const twice = await postJson(withKey, { 'idempotency-key': key });
    expect(once.status).toBe(201);
    expect(twice.status).toBe(201);
    expect(twice.headers.get('idempotent-replayed')).toBe('true');
    expect(twice.body).toEqual(once.body);
    const other = await postJson(jsonLead(), { 'idempotency-key': key });
    expect(other).toMatchObject({ status: 422, body: { error: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('is not blocked by a claim whose lead was never recorded (a crash between claiming and recording)', async () => {
    const rule = {
      id: 'same-email',
      keys: ['email'],
      scope: 'all-introducers',
      window: { type: 'days', days: 30 },
      action: 'reject',
    } as const;
    await kit.operator('PUT', '/lead-settings/duplicate-rules', { rules: [rule] });
    const lead = jsonLead();
    const orphan = randomUUID();
    const [key] = matchKeys(toLeadDetails({ ...lead, introducerId }), rule);
    await service.app.get<EventStore>(EVENT_STORE).appendToStream(key!.stream, [
      {
        id: randomUUID(),
        type: 'LeadKeyClaimed',
        data: { leadId: orphan, claimedAt: new Date(Date.now() - 5 * 60_000).toISOString() },
        metadata: {
          correlationId: orphan,
          causationId: orphan,
          occurredAt: new Date().toISOString(),
          actor: { type: 'system', id: 'test' },
        },
      },
    ]);
    const answer = await postJson(lead);
    expect(answer).toMatchObject({ status: 201, body: { status: 'accepted', duplicateOf: null } });
    expect((await kit.stream(key!.stream)).map((event) => event.type)).toEqual([
      'LeadKeyClaimed',
      'LeadKeyClaimReleased',
      'LeadKeyClaimed',
    ]);
  });

  it('takes over an Idempotency-Key whose request never answered', async () => {
    const lead = jsonLead();
    const body = JSON.stringify(lead);
    const key = randomUUID();
    await kit.db.query(
      `INSERT INTO leads.intake_idempotency (introducer_id, idempotency_key, request_hash, created_at)
       VALUES ($1, $2, $3, now() - interval '10 minutes')`,
      [introducerId, key, requestFingerprint('application/json', Buffer.from(body))],
    );
    const answer = await post(body, 'application/json', { 'idempotency-key': key });
    expect(answer).toMatchObject({ status: 201, body: { leadId: lead.leadId } });
  });

  it('refuses a lead id reused with other details (409), and requests without a valid key (401)', async () => {
    const lead = jsonLead();
    expect((await postJson(lead)).status).toBe(201);
    const conflict = await postJson({
      ...lead,
      leadType: 'mortgage',
      contact: { ...lead.contact, firstName: 'Someone' },
    });
    expect(conflict).toMatchObject({ status: 409, body: { error: 'ALREADY_RECEIVED' } });
    const anonymous = await fetch(`${service.url}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(jsonLead()),
    });
    expect(anonymous.status).toBe(401);
  });
});
