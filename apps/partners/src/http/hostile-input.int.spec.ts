import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { partnersService } from '../partners.service';

const registration = {
  name: 'Acme Mortgages Ltd',
  currency: 'GBP',
  partnerType: { introducer: false, partner: true, leadValue: { amount: 2500, currency: 'GBP' } },
};

const xmlDelivery = (extra: Record<string, unknown> = {}) => ({
  email: false,
  internet: {
    method: 'xml',
    url: 'https://api.partner.example/leads',
    bodyTemplate: '<lead><id>{{ lead.id }}</id></lead>',
    ...extra,
  },
});

/** The mistakes careless and hostile clients make: each a specific 4xx, never a 500. */
describe('partners API fed careless and hostile input', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function send(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; etag: string | null; body: Record<string, unknown> }> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${service.tokens.admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  async function register(extra: Record<string, unknown> = {}) {
    const created = await send('POST', '/partners', JSON.stringify({ ...registration, ...extra }));
    expect(created.status).toBe(201);
    return { id: created.body.id as string, etag: created.etag! };
  }

  function fieldsOf(body: Record<string, unknown>): string[] {
    return ((body.errors ?? []) as { field: string }[]).map((error) => error.field);
  }

  it('answers a registration without partnerType with 400 naming the field', async () => {
    const { name, currency } = registration;
    const answer = await send('POST', '/partners', JSON.stringify({ name, currency }));

    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['partnerType']);
  });

  it('answers a schedule without days with 400 naming the field', async () => {
    const { id, etag } = await register();
    const answer = await send(
      'PUT',
      `/partners/${id}/schedule`,
      JSON.stringify({ timeZone: 'Europe/London' }),
      { 'if-match': etag },
    );

    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['days']);
  });

  it('refuses JSON nested deeper than 32 levels before validation can overflow the stack', async () => {
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const nestedInSetting = `{"name":"x","currency":"GBP","partnerType":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`;

    for (const body of [deep, nestedInSetting]) {
      const answer = await send('POST', '/partners', body);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('nests deeper than 32 levels');
    }
  });

  it.each([
    ['a number', 5],
    ['an object', { value: 'x' }],
    ['a list', ['a', 'b']],
    ['null', null],
  ])(
    'refuses a custom header value that is %s, so no event breaks its contract',
    async (_, value) => {
      const { id, etag } = await register();
      const answer = await send(
        'PUT',
        `/partners/${id}/delivery`,
        JSON.stringify(xmlDelivery({ headers: { 'X-Api-Key': value } })),
        { 'if-match': etag },
      );

      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['internet.headers']);
    },
  );

  it('refuses a C0 control character in an XML body template, at its line and column', async () => {
    const { id, etag } = await register();
    const answer = await send(
      'PUT',
      `/partners/${id}/delivery`,
      JSON.stringify(xmlDelivery({ bodyTemplate: '<lead>\n<id>\u0007</id></lead>' })),
      { 'if-match': etag },
    );

    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain(
      'line 2, column 5: the character U+0007 is not allowed in XML 1.0',
    );
  });

  it('refuses NUL in a template, a reason and a query parameter', async () => {
    const { id, etag } = await register();
    const template = await send(
      'PUT',
      `/partners/${id}/delivery`,
      JSON.stringify(xmlDelivery({ bodyTemplate: '<lead>\u0000</lead>' })),
      { 'if-match': etag },
    );
    const reason = await send(
      'POST',
      `/partners/${id}/deactivate`,
      JSON.stringify({ reason: 'ended\u0000' }),
      { 'if-match': etag },
    );
    const query = await send('GET', '/partners?name=%00');

    expect([template.status, reason.status, query.status]).toEqual([400, 400, 400]);
    expect(fieldsOf(template.body)).toEqual(['internet.bodyTemplate']);
    expect(fieldsOf(reason.body)).toEqual(['reason']);
    expect(fieldsOf(query.body)).toEqual(['query.name']);
  });

  it('answers a body over the size limit with 413, and malformed JSON with 400', async () => {
    const huge = JSON.stringify({ ...registration, name: 'x'.repeat(2_000_000) });

    expect((await send('POST', '/partners', huge)).status).toBe(413);
    expect((await send('POST', '/partners', '{"name":')).status).toBe(400);
  });

  it('counts a name in characters as a person sees them: 150 emoji fit in 200', async () => {
    const name = '👍🏽'.repeat(150);
    const { id } = await register({ name });

    expect((await send('GET', `/partners/${id}`)).body).toMatchObject({ name });
    expect(
      (await send('POST', '/partners', JSON.stringify({ ...registration, name: '👍'.repeat(201) })))
        .status,
    ).toBe(400);
  });

  it('finds a partner by its id in any case, and 404s the history of one that does not exist', async () => {
    const { id } = await register();
    const upper = id.toUpperCase();

    expect((await send('GET', `/partners/${upper}`)).status).toBe(200);
    await expectEventually(async () =>
      expect((await send('GET', `/partners/${upper}/history`)).status).toBe(200),
    );
    expect((await send('GET', `/partners/${crypto.randomUUID()}/history`)).status).toBe(404);
  });

  it('treats % and _ in the name filter as text, not wildcards', async () => {
    const marker = crypto.randomUUID().slice(0, 8);
    await register({ name: `100% ${marker}` });
    await register({ name: `1000 ${marker}` });

    await expectEventually(async () => {
      const found = await send('GET', `/partners?name=${encodeURIComponent(`100% ${marker}`)}`);
      expect((found.body as unknown as { name: string }[]).map((p) => p.name)).toEqual([
        `100% ${marker}`,
      ]);
    });
    const underscore = await send('GET', `/partners?name=${encodeURIComponent(`10_0 ${marker}`)}`);
    expect(underscore.body).toEqual([]);
  });

  it('refuses text alerts for a partner with no phone number', async () => {
    const { id, etag } = await register();
    const answer = await send(
      'PUT',
      `/partners/${id}/text-alerts`,
      JSON.stringify({ onReferral: true, onLowFunds: false }),
      { 'if-match': etag },
    );

    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('TEXT_ALERTS_NEED_PHONE');
  });

  it.each([
    'http://127.0.0.1/leads',
    'http://0x7f.1/leads',
    'http://[::1]/leads',
    'http://169.254.169.254/latest/meta-data/',
    'https://10.1.2.3/leads',
    'http://localhost:8080/leads',
    'https://crm.internal/leads',
  ])('refuses the internal delivery URL %s on the field, with how to allow it', async (url) => {
    const { id, etag } = await register();
    const answer = await send(
      'PUT',
      `/partners/${id}/delivery`,
      JSON.stringify(xmlDelivery({ url })),
      {
        'if-match': etag,
      },
    );

    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['internet.url']);
    expect(answer.body.message).toContain('OUTBOUND_ALLOWED_HOSTS');
  });

  it('refuses an internal delivery URL at registration too', async () => {
    const answer = await send(
      'POST',
      '/partners',
      JSON.stringify({ ...registration, delivery: xmlDelivery({ url: 'http://192.168.0.10/' }) }),
    );

    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['delivery.internet.url']);
  });

  it('accepts a host name that does not resolve yet, with a warning', async () => {
    const { id, etag } = await register();
    const answer = await send(
      'PUT',
      `/partners/${id}/delivery`,
      JSON.stringify(xmlDelivery({ url: 'https://api.not-yet-live.example/leads' })),
      { 'if-match': etag },
    );

    expect(answer.status).toBe(200);
    expect(answer.body.warnings).toEqual([expect.objectContaining({ code: 'UNRESOLVABLE_HOST' })]);
  });
});
