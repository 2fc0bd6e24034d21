import { randomUUID } from 'node:crypto';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadTypeKey } from '@leadrail/leads-contracts';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, publish } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { KnownLeadTypes } from '../lead-types/known-lead-types';
import { partnersService } from '../partners.service';

interface Answer {
  status: number;
  etag: string;
  body: {
    id?: string;
    error?: string;
    changed?: boolean;
    errors?: { field: string; messages: string[] }[];
    settings?: Record<string, unknown>;
  };
}

const gbp = (amount: number) => ({ amount, currency: 'GBP' });

/** A lead-type catalogue event as the leads service's relay publishes it on leadrail.leads.v1. */
function leadTypeMessage(
  type: 'LeadTypeDefined' | 'LeadTypeChanged',
  data: Record<string, unknown>,
) {
  const eventId = randomUUID();
  const slug = data.slug as string;
  return {
    key: leadTypeKey(slug),
    value: JSON.stringify({
      eventId,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: eventId,
      causationId: eventId,
      source: 'leadrail.leads',
      data,
    }),
    headers: { 'leadrail-event-type': type, 'leadrail-event-id': eventId },
  };
}

/**
 * What a partner buys and its selection priority over the admin API: lead
 * types must be ones the leads service announced on leadrail.leads.v1 and
 * keeps active; criteria and postcodes are checked; both show in the partner.
 */
describe('partner lead buying routes', () => {
  let service: ServiceUnderTest;
  // Other test files share the broker: lead types of this run's own.
  const run = randomUUID().slice(0, 8);
  const mortgage = `mortgage-${run}`;
  const solar = `solar-${run}`;
  const retired = `retired-${run}`;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function send(
    method: string,
    path: string,
    body?: unknown,
    ifMatch?: string,
  ): Promise<Answer> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${service.tokens.admin}`,
        'content-type': 'application/json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      etag: response.headers.get('etag') ?? '',
      body: (await response.json()) as Answer['body'],
    };
  }

  async function registerPartner(): Promise<{ id: string; etag: string }> {
    const created = await send('POST', '/partners', {
      name: `Buyer ${randomUUID()}`,
      currency: 'GBP',
      partnerType: { introducer: false, partner: true, leadValue: gbp(2500) },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id!, etag: created.etag };
  }

  it('buys nothing at priority 50 when new, and refuses a lead type the leads service never announced', async () => {
    const { id, etag } = await registerPartner();

    const partner = await send('GET', `/partners/${id}`);
    expect(partner.body.settings).toMatchObject({ leadTypesBought: [], selectionPriority: 50 });

    const refused = await send(
      'PUT',
      `/partners/${id}/lead-types-bought`,
      { leadTypes: [{ leadType: `never-defined-${run}` }] },
      etag,
    );
    expect(refused).toMatchObject({
      status: 400,
      body: {
        error: 'UNKNOWN_LEAD_TYPE',
        errors: [{ field: 'leadTypes[0].leadType' }],
      },
    });
  });

  it('accepts lead types once announced, refuses an inactive one, and shows the settings', async () => {
    await publish(Topics.leads, [
      leadTypeMessage('LeadTypeDefined', {
        slug: mortgage,
        name: 'Mortgage',
        definedAt: new Date().toISOString(),
      }),
      leadTypeMessage('LeadTypeDefined', {
        slug: solar,
        name: 'Solar',
        definedAt: new Date().toISOString(),
      }),
      leadTypeMessage('LeadTypeDefined', {
        slug: retired,
        name: 'Retired',
        definedAt: new Date().toISOString(),
      }),
      leadTypeMessage('LeadTypeChanged', {
        slug: retired,
        name: 'Retired',
        active: false,
        changedAt: new Date(Date.now() + 1000).toISOString(),
      }),
    ]);
    await expectEventually(
      async () =>
        expect(await service.app.get(KnownLeadTypes).of([mortgage, solar, retired])).toEqual(
          expect.arrayContaining([
            { slug: mortgage, active: true },
            { slug: solar, active: true },
            { slug: retired, active: false },
          ]),
        ),
      { timeoutMs: 30_000 },
    );
    const partnerRegistered = await registerPartner();
    const id = partnerRegistered.id;
    let etag = partnerRegistered.etag;

    const inactive = await send(
      'PUT',
      `/partners/${id}/lead-types-bought`,
      { leadTypes: [{ leadType: mortgage }, { leadType: retired }] },
      etag,
    );
    expect(inactive).toMatchObject({
      status: 400,
      body: { error: 'LEAD_TYPE_INACTIVE', errors: [{ field: 'leadTypes[1].leadType' }] },
    });

    const leadTypes = [
      {
        leadType: mortgage,
        postcodes: ['sw', 'ec1a'],
        criteria: [
          { field: 'property_value', operator: 'gte', value: 250000 },
          { field: 'employment', operator: 'in', value: ['employed', 'self_employed'] },
        ],
        leadValue: gbp(4000),
        weight: 3,
      },
      { leadType: solar },
    ];
    const bought = await send('PUT', `/partners/${id}/lead-types-bought`, { leadTypes }, etag);
    expect(bought).toMatchObject({ status: 200, body: { changed: true } });
    etag = bought.etag;

    const priority = await send(
      'PUT',
      `/partners/${id}/selection-priority`,
      { selectionPriority: 80 },
      etag,
    );
    expect(priority).toMatchObject({ status: 200, body: { changed: true } });
    const stale = await send(
      'PUT',
      `/partners/${id}/selection-priority`,
      { selectionPriority: 70 },
      etag,
    );
    expect(stale.status).toBe(412);
    etag = priority.etag;

    const partner = await send('GET', `/partners/${id}`);
    expect(partner.etag).toBe(etag);
    expect(partner.body.settings).toMatchObject({
      selectionPriority: 80,
      leadTypesBought: [
        { ...leadTypes[0], postcodes: ['SW', 'EC1A'] },
        { leadType: solar, postcodes: [], criteria: [], leadValue: null },
      ],
    });

    // Both changes went out on leadrail.partners.v1, valid against their contracts.
    for (const type of ['LeadTypesBoughtChanged', 'SelectionPriorityChanged']) {
      const message = await findMessage(
        Topics.partners,
        (read) => read.key === id && read.headers['leadrail-event-type'] === type,
        30_000,
      );
      const parsed = parseIntegrationEvent(message.value ?? '', partnersRegistry);
      expect(parsed.ok ? parsed.event.type : parsed.message).toBe(type);
    }
    // The weight travels where one was set; a weight of 1 (none given) is left out.
    const boughtMessage = await findMessage(
      Topics.partners,
      (read) => read.key === id && read.headers['leadrail-event-type'] === 'LeadTypesBoughtChanged',
    );
    const published = JSON.parse(String(boughtMessage.value)) as { data: { leadTypes: object[] } };
    expect(published.data.leadTypes).toEqual([
      expect.objectContaining({ leadType: mortgage, weight: 3 }),
      { leadType: solar, postcodes: [], criteria: [], leadValue: null },
    ]);
  });

  it.each([
    [
      'an ordering operator compared with text',
      {
        leadTypes: [
          { leadType: 'mortgage', criteria: [{ field: 'age', operator: 'gt', value: 'x' }] },
        ],
      },
      'leadTypes[0].criteria[0].value',
    ],
    [
      'an unknown operator',
      {
        leadTypes: [
          { leadType: 'mortgage', criteria: [{ field: 'age', operator: 'like', value: 1 }] },
        ],
      },
      'leadTypes[0].criteria[0].operator',
    ],
    ['a lead type that is not text', { leadTypes: [{ leadType: 7 }] }, 'leadTypes[0].leadType'],
    [
      'postcodes that are not a list',
      { leadTypes: [{ leadType: 'mortgage', postcodes: 'SW' }] },
      'leadTypes[0].postcodes',
    ],
    ['no list at all', {}, 'leadTypes'],
    ['a weight of 0', { leadTypes: [{ leadType: 'mortgage', weight: 0 }] }, 'leadTypes[0].weight'],
    [
      'a weight over 100',
      { leadTypes: [{ leadType: 'mortgage', weight: 101 }] },
      'leadTypes[0].weight',
    ],
    [
      'a weight that is not a whole number',
      { leadTypes: [{ leadType: 'mortgage', weight: 1.5 }] },
      'leadTypes[0].weight',
    ],
    [
      'a weight that is text',
      { leadTypes: [{ leadType: 'mortgage', weight: '3' }] },
      'leadTypes[0].weight',
    ],
    [
      'a null weight',
      { leadTypes: [{ leadType: 'mortgage', weight: null }] },
      'leadTypes[0].weight',
    ],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const { id, etag } = await registerPartner();
    const refused = await send('PUT', `/partners/${id}/lead-types-bought`, body, etag);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.field)).toContain(field);
  });

  it('answers 400 naming the field for a postcode or answer key the domain refuses', async () => {
    await expectEventually(async () =>
      expect(await service.app.get(KnownLeadTypes).of([mortgage])).toHaveLength(1),
    );
    const { id, etag } = await registerPartner();
    const postcode = await send(
      'PUT',
      `/partners/${id}/lead-types-bought`,
      { leadTypes: [{ leadType: mortgage, postcodes: ['SW', 'SW1A 1AA'] }] },
      etag,
    );
    expect(postcode).toMatchObject({
      status: 400,
      body: { error: 'INVALID_POSTCODE', errors: [{ field: 'leadTypes[0].postcodes[1]' }] },
    });
    const key = await send(
      'PUT',
      `/partners/${id}/lead-types-bought`,
      {
        leadTypes: [{ leadType: mortgage, criteria: [{ field: 'Age', operator: 'eq', value: 1 }] }],
      },
      etag,
    );
    expect(key).toMatchObject({
      status: 400,
      body: { error: 'INVALID_CRITERION', errors: [{ field: 'leadTypes[0].criteria[0].field' }] },
    });
  });

  it.each([101, -1, 2.5, '80'])(
    'answers 400 for the selection priority %p',
    async (selectionPriority) => {
      const { id, etag } = await registerPartner();
      const refused = await send(
        'PUT',
        `/partners/${id}/selection-priority`,
        { selectionPriority },
        etag,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((error) => error.field)).toContain('selectionPriority');
    },
  );
});
