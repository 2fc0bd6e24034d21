import { randomUUID } from 'node:crypto';
import { mortgageLeadFromCrm } from '@leadrail/leads-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { leadsService } from '../leads.service';
import { LeadsTestKit } from '../testing/leads-test-kit';
import { SearchTestLeads, freshPerson, operatorCall } from './testing/search-test-leads';

describe('operator lead search (GET /leads)', () => {
  let service: ServiceUnderTest;
  let kit: LeadsTestKit;
  let leads: SearchTestLeads;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
    kit = await LeadsTestKit.for(service);
    leads = new SearchTestLeads(service);
    await kit.defineLeadType(mortgageLeadFromCrm.payload.data.leadType);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
  });

  /** The ids a search finds, once the read model has caught up to `expected` of them. */
  async function idsFound(query: string, expected: number): Promise<string[]> {
    return expectEventually(async () => {
      const { status, body } = await operatorCall(kit, 'GET', `/leads?${query}`);
      expect(status).toBe(200);
      expect(body.items).toHaveLength(expected);
      return (body.items as { leadId: string }[]).map((item) => item.leadId);
    });
  }

  it('filters by introducer, partner, stage, status, lead type and dates, and finds text in any field', async () => {
    const introducerId = await kit.announcePartner({ introducer: true, partner: false });
    const partnerId = await kit.announcePartner({ introducer: false, partner: true });
    const shah = freshPerson(`Shah${randomUUID().slice(0, 6)}`);
    const jones = freshPerson(`Jones${randomUUID().slice(0, 6)}`);
    const reference = `REF-${randomUUID().slice(0, 8)}`;
    const delivered = await leads.record(introducerId, shah);
    const accepted = await leads.record(introducerId, jones, reference);
    const waiting = await leads.record(introducerId);
    await leads.deliver(delivered, partnerId);
    await leads.deliver(accepted, partnerId);
    await leads.setStatus(accepted, 'accepted');

    const mine = `introducerId=${introducerId}`;
    expect(await idsFound(mine, 3)).toEqual([waiting, accepted, delivered]);
    expect(await idsFound(`status=accepted&${mine}`, 1)).toEqual([accepted]);
    expect(await idsFound(`partnerId=${partnerId}`, 2)).toEqual([accepted, delivered]);
    expect(await idsFound(`stage=received&${mine}`, 1)).toEqual([waiting]);
    expect(await idsFound(`leadType=mortgage&stage=delivered&${mine}`, 2)).toEqual([
      accepted,
      delivered,
    ]);
    expect(await idsFound(`leadType=pension&${mine}`, 0)).toEqual([]);
    expect(await idsFound(`from=2020-01-01&to=2020-01-02&${mine}`, 0)).toEqual([]);
    expect(await idsFound(`from=2020-01-01&to=2999-01-01T00:00:00Z&${mine}`, 3)).toHaveLength(3);

    // Any case, any part: last name, email, phone in national form, postcode without its space, reference.
    expect(await idsFound(`q=${shah.lastName.toUpperCase().slice(0, 8)}&${mine}`, 1)).toEqual([
      delivered,
    ]);
    expect(await idsFound(`q=${encodeURIComponent(jones.email.toUpperCase())}`, 1)).toEqual([
      accepted,
    ]);
    const national = `0${shah.phone.slice(3, 7)} ${shah.phone.slice(7)}`;
    expect(await idsFound(`q=${encodeURIComponent(national)}`, 1)).toEqual([delivered]);
    expect(
      await idsFound(`q=${encodeURIComponent(shah.postcode.replace(' ', ''))}&${mine}`, 1),
    ).toEqual([delivered]);
    expect(await idsFound(`q=${reference.toLowerCase()}`, 1)).toEqual([accepted]);

    const { body } = await operatorCall(kit, 'GET', `/leads?${mine}&status=accepted`);
    expect(body.items[0]).toMatchObject({
      leadId: accepted,
      stage: 'delivered',
      status: 'accepted',
      partnerId,
      introducerId,
      externalReference: reference,
      area: { country: 'GB', city: 'Manchester' },
      erased: false,
      contact: { firstName: jones.firstName, lastName: jones.lastName, email: jones.email },
    });
  });

  it('pages through every lead once, newest first, with an opaque cursor', async () => {
    const introducerId = await kit.announcePartner({ introducer: true, partner: false });
    const recorded: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      recorded.push(await leads.record(introducerId));
    }
    await idsFound(`introducerId=${introducerId}&limit=100`, 7);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const cursor: string = after === null ? '' : `&after=${after}`;
      const { status, body } = await operatorCall(
        kit,
        'GET',
        `/leads?introducerId=${introducerId}&limit=3${cursor}`,
      );
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((item) => item.leadId));
      after = body.next;
      pages += 1;
    } while (after !== null && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toEqual([...recorded].reverse());
    // A lead recorded after the first page was read does not shift the pages after it.
    const { body: first } = await operatorCall(
      kit,
      'GET',
      `/leads?introducerId=${introducerId}&limit=3`,
    );
    await leads.record(introducerId);
    await idsFound(`introducerId=${introducerId}&limit=100`, 8);
    const { body: second } = await operatorCall(
      kit,
      'GET',
      `/leads?introducerId=${introducerId}&limit=3&after=${first.next}`,
    );
    expect(second.items.map((item: { leadId: string }) => item.leadId)).toEqual(
      [...recorded].reverse().slice(3, 6),
    );
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['from=yesterday', 'from'],
    ['from=2026-02-30', 'from'],
    ['from=2026-03-02&to=2026-03-01', 'to'],
    ['status=won', 'status'],
    ['stage=lost', 'stage'],
    ['partnerId=someone', 'partnerId'],
    ['introducerId=1', 'introducerId'],
    ['leadType=Mortgage%20Deals', 'leadType'],
    ['q=a', 'q'],
    ['after=not-a-cursor', 'after'],
    ['status=new&status=accepted', 'status'],
    ['colour=blue', 'colour'],
  ])('answers %s with a 400 naming %s', async (query, field) => {
    const { status, body } = await operatorCall(kit, 'GET', `/leads?${query}`);
    expect(status).toBe(400);
    const named = body.errors.find((error) => error.field === field);
    expect(named?.messages.length).toBeGreaterThan(0);
    expect(named?.messages.every((message) => message.length > 0)).toBe(true);
  });

  it('shows one lead with its contact and trail, 404 for an unknown id, 400 for a malformed one', async () => {
    const introducerId = await kit.announcePartner({ introducer: true, partner: false });
    const partnerId = await kit.announcePartner({ introducer: false, partner: true });
    const person = freshPerson();
    const leadId = await leads.record(introducerId, person);
    await leads.deliver(leadId, partnerId);
    const lead = await expectEventually(async () => {
      const { status, body } = await operatorCall(kit, 'GET', `/leads/${leadId.toUpperCase()}`);
      expect(status).toBe(200);
      expect(body.stage).toBe('delivered');
      return body;
    });
    expect(lead).toMatchObject({
      leadId,
      partnerId,
      erased: false,
      contact: {
        firstName: person.firstName,
        email: person.email,
        address: { line1: '14 Albert Road', postcode: person.postcode },
      },
      answers: mortgageLeadFromCrm.payload.data.answers,
    });
    expect(lead.history.map((entry: { type: string }) => entry.type)).toEqual([
      'LeadReceived',
      'LeadAllocated',
      'LeadDelivered',
    ]);

    expect((await operatorCall(kit, 'GET', `/leads/${randomUUID()}`)).status).toBe(404);
    const malformed = await operatorCall(kit, 'GET', '/leads/12345');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([
      { field: 'leadId', messages: ['leadId must be a UUID'] },
    ]);
  });

  it('serves text search from a trigram index wherever pg_trgm can be created', async () => {
    const { rows: available } = await kit.db.query(
      "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'",
    );
    const { rows: index } = await kit.db.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE schemaname = 'leads' AND indexname = 'lead_search_text'",
    );
    // Both here (embedded PostgreSQL 18 and PostgreSQL 15 ship it); without it, no index and a scan.
    expect(index.map((row) => row.indexdef.includes('gin_trgm_ops'))).toEqual(
      available.map(() => true),
    );
  });

  it('lets read-only operators search and refuses callers without a token', async () => {
    const asReader = await fetch(`${service.url}/leads?limit=1`, {
      headers: { authorization: `Bearer ${service.tokens.readOnly}` },
    });
    expect(asReader.status).toBe(200);
    expect((await fetch(`${service.url}/leads`)).status).toBe(401);
  });

  it('forgets an erased person: search fields empty, text search no longer finds them', async () => {
    const introducerId = await kit.announcePartner({ introducer: true, partner: false });
    const person = freshPerson(`Erasable${randomUUID().slice(0, 6)}`);
    const reference = `ERASE-${randomUUID().slice(0, 8)}`;
    const leadId = await leads.record(introducerId, person, reference);
    expect(await idsFound(`q=${person.lastName}`, 1)).toEqual([leadId]);

    const erased = await operatorCall(kit, 'DELETE', `/leads/${leadId}/personal-data`);
    expect(erased.status).toBe(200);

    await expectEventually(async () => {
      const { body } = await operatorCall(kit, 'GET', `/leads/${leadId}`);
      expect(body).toMatchObject({ erased: true, contact: null });
    });
    expect(await idsFound(`q=${person.lastName}`, 0)).toEqual([]);
    expect(await idsFound(`q=${encodeURIComponent(person.email)}`, 0)).toEqual([]);
    // The lead itself remains, found by what is not personal.
    const { body } = await operatorCall(kit, 'GET', `/leads?introducerId=${introducerId}`);
    expect(body.items).toEqual([expect.objectContaining({ leadId, erased: true, contact: null })]);
    expect(await idsFound(`q=${reference}`, 1)).toEqual([leadId]);

    const { rows } = await kit.db.query(
      `SELECT first_name, last_name, email, phone, postcode, personal, search_text
       FROM leads.lead_search WHERE lead_id = $1`,
      [leadId],
    );
    expect(rows).toEqual([
      {
        first_name: null,
        last_name: null,
        email: null,
        phone: null,
        postcode: null,
        personal: null,
        search_text: reference.toLowerCase(),
      },
    ]);
  });
});
