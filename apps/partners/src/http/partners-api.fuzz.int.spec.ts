import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { type OpenApiDocument, fuzzOpenApi, getJson } from '@leadrail/testing';
import { partnersService } from '../partners.service';

const PORTAL_EMAIL = 'portal@fuzz.example';
const PORTAL_PASSWORD = 'correct horse battery staple';

const gbp = (amount: number) => ({ amount, currency: 'GBP' });
const nineToFive = { enabled: true, from: '09:00', to: '17:00' };
const closed = { enabled: false, from: '00:00', to: '00:00' };
const week = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: closed,
  sun: closed,
};

/** A valid body for each route, for the fuzzer to send and to mutate. */
const SEED_BODIES: Record<string, unknown[]> = {
  'POST /partners': [
    {
      name: 'Seed Ltd',
      currency: 'GBP',
      partnerType: { introducer: false, partner: true, leadValue: gbp(2500) },
    },
    {
      name: 'Seed Both',
      currency: 'GBP',
      partnerType: { introducer: true, partner: true, leadCost: gbp(500), leadValue: gbp(2500) },
      limits: { daily: 5, monthly: 100 },
      schedule: { timeZone: 'Europe/London', days: week },
    },
  ],
  'PUT /partners/{id}/name': [{ name: 'Renamed Ltd' }],
  'PUT /partners/{id}/type': [
    { introducer: true, partner: true, leadCost: gbp(700), leadValue: gbp(3000) },
  ],
  'PUT /partners/{id}/lead-cost': [gbp(600)],
  'PUT /partners/{id}/lead-value': [gbp(2600)],
  'PUT /partners/{id}/portal-access': [
    { level: 'leads-only', requireReferralAcceptance: true, mayUpdateLeadStatus: false },
  ],
  'PUT /partners/{id}/payment-mode': [
    { mode: 'post-pay', creditLimit: gbp(100_000) },
    { mode: 'pre-pay' },
  ],
  'PUT /partners/{id}/billing-point': [{ billingPoint: 'delivery' }],
  'PUT /partners/{id}/delivery': [
    {
      email: true,
      internet: {
        method: 'json',
        url: 'https://api.partner.example/leads',
        bodyTemplate: '{"id": "{{ lead.id }}"}',
        headers: { 'X-Api-Key': 'k-1' },
      },
    },
    {
      email: false,
      internet: {
        method: 'soap-1.2',
        url: 'https://soap.partner.example/leads',
        bodyTemplate:
          '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><id>{{ lead.id }}</id></s:Body></s:Envelope>',
        soapAction: 'urn:partner:SubmitLead',
        timeoutSeconds: 20,
        outcome: {
          rules: [
            { test: 'xpath', pattern: '//Result/Status', equals: 'Rejected', means: 'rejected' },
            { test: 'regex', pattern: '(?i)duplicate', equals: null, means: 'rejected' },
            { test: 'status', pattern: '2xx', equals: null, means: 'accepted' },
          ],
          partnerReference: { from: 'json-path', expression: '$.reference' },
          rejectionReason: { from: 'header', expression: 'X-Reason' },
        },
      },
    },
  ],
  'PUT /partners/{id}/delivery-limits': [{ daily: 10, monthly: 200 }],
  'PUT /partners/{id}/schedule': [{ timeZone: 'America/New_York', days: week }],
  'PUT /partners/{id}/contact-details': [
    { phone: '+447700900123', email: 'leads@partner.example', transferPhone: '+442079460000' },
  ],
  'PUT /partners/{id}/text-alerts': [{ onReferral: true, onLowFunds: false }],
  'PUT /partners/{id}/low-funds-threshold': [gbp(5_000)],
  // No lead type is announced here, so only the empty list is accepted; the rest must be 4xx.
  'PUT /partners/{id}/lead-types-bought': [
    { leadTypes: [] },
    {
      leadTypes: [
        {
          leadType: 'mortgage',
          postcodes: ['SW', 'EC1A'],
          criteria: [{ field: 'property_value', operator: 'gte', value: 250000 }],
          leadValue: gbp(4000),
        },
      ],
    },
  ],
  'PUT /partners/{id}/selection-priority': [{ selectionPriority: 80 }],
  'POST /partners/{id}/deactivate': [{ reason: 'Contract ended' }],
  'POST /partners/{id}/portal-login': [
    { email: 'another@partner.example', password: 'a long enough password' },
  ],
};

/**
 * Every route of the partners API, driven by its own OpenAPI document with
 * generated valid and invalid requests: no answer may be a 5xx, and the
 * service must still be ready afterwards.
 */
describe('partners API under OpenAPI-driven fuzzing', () => {
  let service: ServiceUnderTest;
  let partnerId: string;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
    partnerId = await registerWithPortalLogin();
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function admin(method: string, path: string, body?: unknown, ifMatch?: string) {
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
      body: (await response.json()) as { id: string },
    };
  }

  async function registerWithPortalLogin(): Promise<string> {
    const created = await admin('POST', '/partners', {
      name: 'Fuzz Target Ltd',
      currency: 'GBP',
      partnerType: {
        introducer: true,
        partner: true,
        leadCost: { amount: 500, currency: 'GBP' },
        leadValue: { amount: 2500, currency: 'GBP' },
      },
      portalAccess: {
        level: 'leads-and-reports',
        requireReferralAcceptance: false,
        mayUpdateLeadStatus: true,
      },
    });
    expect(created.status).toBe(201);
    const login = await admin(
      `POST`,
      `/partners/${created.body.id}/portal-login`,
      { email: PORTAL_EMAIL, password: PORTAL_PASSWORD },
      created.etag,
    );
    expect(login.status).toBe(201);
    return created.body.id;
  }

  it('answers no generated request with a 5xx and stays ready', async () => {
    const document = (await getJson(`${service.url}/openapi.json`))
      .body as unknown as OpenApiDocument;

    const { failures, statuses } = await fuzzOpenApi({
      baseUrl: service.url,
      document,
      credentials: {
        bearer: `Bearer ${service.tokens.admin}`,
        basic: `Basic ${Buffer.from(`${PORTAL_EMAIL}:${PORTAL_PASSWORD}`).toString('base64')}`,
      },
      knownValues: {
        id: () => partnerId,
        'If-Match': async () => (await admin('GET', `/partners/${partnerId}`)).etag,
      },
      seedBodies: SEED_BODIES,
      runsPerOperation: 100,
      // Another seed explores other requests: FUZZ_SEED=7 npm test -- partners-api.fuzz
      seed: Number(process.env.FUZZ_SEED ?? 42),
    });

    expect(failures).toEqual([]);
    // The generated requests got past validation too: most settings were changed at least once.
    const changed = Object.entries(statuses).filter(
      ([operation, answered]) => operation.startsWith('PUT') && (answered[200] ?? 0) > 0,
    );
    expect(changed.length).toBeGreaterThanOrEqual(10);
    expect((await getJson(`${service.url}/health/ready`)).status).toBe(200);
  }, 300_000);
});
