import { randomUUID } from 'node:crypto';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { partnersRegistry } from '@leadrail/partners-contracts';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { findMessage } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { partnersService } from '../partners.service';

interface Answer {
  status: number;
  etag: string;
  body: {
    id?: string;
    error?: string;
    message?: string;
    changed?: boolean;
    errors?: { field: string; messages: string[] }[];
    settings?: Record<string, unknown>;
  };
}

const soapBody =
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SubmitLead xmlns="http://leads.partner.example/"><Id>{{ lead.id }}</Id></SubmitLead></soap:Body></soap:Envelope>';

const outcome = {
  rules: [
    { test: 'xpath', pattern: '//SubmitLeadResult/Status', equals: 'Rejected', means: 'rejected' },
    { test: 'contains', pattern: 'DUPLICATE', means: 'rejected' },
    { test: 'regex', pattern: '(?i)"status"\\s*:\\s*"fail', means: 'rejected' },
    { test: 'json-path', pattern: '$.result.state', equals: 'REJ*', means: 'rejected' },
    { test: 'equals', pattern: 'OK*', means: 'accepted' },
    { test: 'status', pattern: '2xx, 409', means: 'accepted' },
  ],
  partnerReference: { from: 'xpath', expression: '//SubmitLeadResult/Reference' },
  rejectionReason: { from: 'header', expression: 'X-Reject-Reason' },
};

const soapDelivery = (internet: Record<string, unknown> = {}) => ({
  email: false,
  internet: {
    method: 'soap-1.1',
    url: 'https://leads.partner.example/LeadService.asmx',
    bodyTemplate: soapBody,
    soapAction: 'http://leads.partner.example/SubmitLead',
    timeoutSeconds: 20,
    outcome,
    ...internet,
  },
});

const withRule = (rule: Record<string, unknown>) =>
  soapDelivery({
    outcome: { rules: [{ test: 'contains', pattern: 'x', means: 'rejected', ...rule }] },
  });

/** A partner's SOAP action, timeout and outcome rules over the admin API (issue #12). */
describe('partner delivery outcome rules', () => {
  let service: ServiceUnderTest;
  // One partner for the refusals: a refused change leaves its revision as it was.
  let refusing: { id: string; etag: string };

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
    refusing = await registerPartner();
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function send(method: string, path: string, body?: unknown, ifMatch?: string) {
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

  async function registerPartner(extra: Record<string, unknown> = {}) {
    const created = await send('POST', '/partners', {
      name: `Outcomes ${randomUUID()}`,
      currency: 'GBP',
      partnerType: {
        introducer: false,
        partner: true,
        leadValue: { amount: 2500, currency: 'GBP' },
      },
      ...extra,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id!, etag: created.etag };
  }

  it('records a valid rule set, shows it, publishes it within the contract, and repeats as no change', async () => {
    const { id, etag } = await registerPartner();
    const saved = await send('PUT', `/partners/${id}/delivery`, soapDelivery(), etag);
    expect(saved).toMatchObject({ status: 200, body: { changed: true } });

    const expected = {
      soapAction: 'http://leads.partner.example/SubmitLead',
      timeoutSeconds: 20,
      outcome: {
        rules: outcome.rules.map((rule) => ({ equals: null, ...rule })),
        partnerReference: outcome.partnerReference,
        rejectionReason: outcome.rejectionReason,
      },
    };
    const partner = await send('GET', `/partners/${id}`);
    expect(partner.body.settings).toMatchObject({ delivery: { internet: expected } });

    const message = await findMessage(
      Topics.partners,
      (read) => read.key === id && read.headers['leadrail-event-type'] === 'DeliveryConfigured',
    );
    const parsed = parseIntegrationEvent(message.value ?? '', partnersRegistry);
    expect(parsed.ok ? '' : parsed.message).toBe('');
    const published = JSON.parse(String(message.value)) as { data: { delivery: object } };
    expect(published.data.delivery).toEqual({
      email: false,
      internet: {
        method: 'soap-1.1',
        url: 'https://leads.partner.example/LeadService.asmx',
        bodyTemplate: soapBody,
        headers: {},
        ...expected,
      },
    });

    const again = await send('PUT', `/partners/${id}/delivery`, soapDelivery(), saved.etag);
    expect(again).toMatchObject({ status: 200, body: { changed: false } });
  });

  it('leaves the defaults out of the setting: no action, 10 seconds, the default rules', async () => {
    const { id, etag } = await registerPartner();
    const defaults = { soapAction: null, timeoutSeconds: 10, outcome: null };
    const saved = await send('PUT', `/partners/${id}/delivery`, soapDelivery(defaults), etag);
    expect(saved.status).toBe(200);

    const partner = await send('GET', `/partners/${id}`);
    const internet = (partner.body.settings as { delivery: { internet: object } }).delivery
      .internet;
    expect(Object.keys(internet).sort()).toEqual(['bodyTemplate', 'headers', 'method', 'url']);
  });

  it.each([
    [
      'an unparsable status',
      withRule({ test: 'status', pattern: '2xx or 3xx' }),
      'internet.outcome.rules[0].pattern',
    ],
    [
      'an invalid regex',
      withRule({ test: 'regex', pattern: 'status=(' }),
      'internet.outcome.rules[0].pattern',
    ],
    [
      'a catastrophic regex',
      withRule({ test: 'regex', pattern: '^(\\w+\\s?)*$' }),
      'internet.outcome.rules[0].pattern',
    ],
    [
      'an invalid JSONPath',
      withRule({ test: 'json-path', pattern: 'result.status' }),
      'internet.outcome.rules[0].pattern',
    ],
    [
      'a broken JSONPath filter',
      withRule({ test: 'json-path', pattern: '$.a[?(@.b ==)]' }),
      'internet.outcome.rules[0].pattern',
    ],
    [
      'an invalid XPath',
      withRule({ test: 'xpath', pattern: '//Status[' }),
      'internet.outcome.rules[0].pattern',
    ],
    [
      'an XPath 2 function',
      withRule({ test: 'xpath', pattern: '//a[matches(., "x")]' }),
      'internet.outcome.rules[0].pattern',
    ],
    ['equals on a contains rule', withRule({ equals: 'y' }), 'internet.outcome.rules[0].equals'],
    ['an empty pattern', withRule({ pattern: '' }), 'internet.outcome.rules[0].pattern'],
    [
      'an over-long pattern',
      withRule({ pattern: 'x'.repeat(501) }),
      'internet.outcome.rules[0].pattern',
    ],
    ['an unknown test', withRule({ test: 'jq' }), 'internet.outcome.rules[0].test'],
    ['an unknown meaning', withRule({ means: 'error' }), 'internet.outcome.rules[0].means'],
    ['a pattern that is not text', withRule({ pattern: 200 }), 'internet.outcome.rules[0].pattern'],
    ['an unknown property', withRule({ note: 'x' }), 'internet.outcome.rules[0].note'],
    [
      'too many rules',
      soapDelivery({ outcome: { rules: Array.from({ length: 21 }, () => outcome.rules[1]) } }),
      'internet.outcome.rules',
    ],
    [
      'a capture from nowhere',
      soapDelivery({ outcome: { rules: [], partnerReference: { from: 'sql', expression: 'x' } } }),
      'internet.outcome.partnerReference.from',
    ],
    [
      'a capture of a header that cannot exist',
      soapDelivery({
        outcome: { rules: [], rejectionReason: { from: 'header', expression: 'X Reason' } },
      }),
      'internet.outcome.rejectionReason.expression',
    ],
    [
      'a SOAP action for JSON',
      soapDelivery({ method: 'json', bodyTemplate: '{"id": "{{ lead.id }}"}' }),
      'internet.soapAction',
    ],
    ['a SOAP action with a quote', soapDelivery({ soapAction: 'urn:"x"' }), 'internet.soapAction'],
    ['a timeout of 0', soapDelivery({ timeoutSeconds: 0 }), 'internet.timeoutSeconds'],
    ['a timeout over 60', soapDelivery({ timeoutSeconds: 61 }), 'internet.timeoutSeconds'],
    [
      'a timeout that is not whole',
      soapDelivery({ timeoutSeconds: 2.5 }),
      'internet.timeoutSeconds',
    ],
    ['a timeout that is text', soapDelivery({ timeoutSeconds: '10' }), 'internet.timeoutSeconds'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const refused = await send('PUT', `/partners/${refusing.id}/delivery`, body, refusing.etag);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.field)).toEqual([field]);
    expect(refused.body.errors?.[0]?.messages.join(' ')).not.toBe('');
  });

  it('names every bad rule at once, each with its message', async () => {
    const body = soapDelivery({
      outcome: {
        rules: [
          { test: 'status', pattern: '200-199', means: 'accepted' },
          { test: 'contains', pattern: 'ok', means: 'accepted' },
          { test: 'regex', pattern: '(a*)*b', means: 'rejected' },
        ],
        partnerReference: { from: 'json-path', expression: 'ref' },
      },
    });
    const refused = await send('PUT', `/partners/${refusing.id}/delivery`, body, refusing.etag);

    expect(refused).toMatchObject({ status: 400, body: { error: 'INVALID_OUTCOME_RULES' } });
    expect(refused.body.errors?.map((error) => error.field)).toEqual([
      'internet.outcome.rules[0].pattern',
      'internet.outcome.rules[2].pattern',
      'internet.outcome.partnerReference.expression',
    ]);
    expect(refused.body.message).toContain('internet.outcome.rules[2].pattern: repeats a group');
  });

  it('names the field under delivery at registration', async () => {
    const refused = await send('POST', '/partners', {
      name: `Outcomes ${randomUUID()}`,
      currency: 'GBP',
      partnerType: {
        introducer: false,
        partner: true,
        leadValue: { amount: 2500, currency: 'GBP' },
      },
      delivery: withRule({ test: 'xpath', pattern: '//a[' }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.field)).toEqual([
      'delivery.internet.outcome.rules[0].pattern',
    ]);
  });

  it('accepts the rules at registration too', async () => {
    const { id } = await registerPartner({ delivery: soapDelivery() });
    const partner = await send('GET', `/partners/${id}`);
    expect(partner.body.settings).toMatchObject({
      delivery: {
        internet: { timeoutSeconds: 20, outcome: { partnerReference: outcome.partnerReference } },
      },
    });
  });
});
