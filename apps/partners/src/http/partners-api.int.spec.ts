import { ProjectionsHost } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { DataSource } from 'typeorm';
import { partnersService } from '../partners.service';

const registration = {
  name: 'Acme Mortgages Ltd',
  currency: 'GBP',
  partnerType: { introducer: false, partner: true, leadValue: { amount: 2500, currency: 'GBP' } },
};

describe('partners admin API', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; ifMatch?: string } = {},
  ) {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(options.token === undefined
          ? { authorization: `Bearer ${service.tokens.admin}` }
          : options.token
            ? { authorization: `Bearer ${options.token}` }
            : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      location: response.headers.get('location'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  async function register(): Promise<string> {
    const created = await call('POST', '/partners', { body: registration });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  it('refuses callers without a valid token (401) and read-only operators on changes (403)', async () => {
    expect((await call('GET', '/partners', { token: '' })).status).toBe(401);
    expect((await call('GET', '/partners', { token: 'lr_not-a-real-token' })).status).toBe(401);
    expect((await call('GET', '/partners', { token: service.tokens.readOnly })).status).toBe(200);
    const refused = await call('POST', '/partners', {
      token: service.tokens.readOnly,
      body: registration,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('read-only');
  });

  it('answers an invalid registration with 400 and every field at fault', async () => {
    const refused = await call('POST', '/partners', {
      body: { currency: 'gbp', partnerType: { introducer: 'yes', partner: true }, colour: 'blue' },
    });
    expect(refused.status).toBe(400);
    const fields = (refused.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['colour', 'currency', 'name', 'partnerType.introducer']);
  });

  it('reports a domain rule broken by a value as a 400 naming the field', async () => {
    const refused = await call('POST', '/partners', {
      body: { ...registration, partnerType: { introducer: false, partner: true } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('LEAD_VALUE_REQUIRED');
    expect(refused.body.errors).toEqual([
      { field: 'partnerType.leadValue', messages: [expect.any(String)] },
    ]);
  });

  it('registers a partner with defaults, and serves its settings with an ETag', async () => {
    const created = await call('POST', '/partners', { body: registration });
    expect(created.status).toBe(201);
    expect(created.etag).toBe('"0"');
    expect(created.location).toBe(`/partners/${String(created.body.id)}`);
    const read = await call('GET', created.location!);
    expect(read.status).toBe(200);
    expect(read.etag).toBe('"0"');
    expect(read.body).toMatchObject({
      status: 'active',
      name: 'Acme Mortgages Ltd',
      currency: 'GBP',
      paused: null,
    });
    expect(read.body.settings).toMatchObject({
      payment: { mode: 'pre-pay' },
      billingPoint: 'delivery',
      limits: { daily: 0, monthly: 0 },
    });
  });

  it('changes a setting only with the current If-Match, and explains unreachable limits', async () => {
    const id = await register();
    expect(
      (await call('PUT', `/partners/${id}/delivery-limits`, { body: { daily: 1, monthly: 50 } }))
        .status,
    ).toBe(428);
    const changed = await call('PUT', `/partners/${id}/delivery-limits`, {
      body: { daily: 1, monthly: 50 },
      ifMatch: '"0"',
    });
    expect(changed.status).toBe(200);
    expect(changed.etag).toBe('"1"');
    expect(changed.body).toMatchObject({ revision: 1, changed: true });
    expect((changed.body.warnings as { message: string }[]).length).toBeGreaterThan(0);
    const stale = await call('PUT', `/partners/${id}/text-alerts`, {
      body: { onReferral: true, onLowFunds: true },
      ifMatch: '"0"',
    });
    expect(stale.status).toBe(412);
    expect(stale.etag).toBe('"1"');
  });

  it('refuses an invalid schedule, naming the field', async () => {
    const id = await register();
    const day = { enabled: true, from: '09:00', to: '17:00' };
    const refused = await call('PUT', `/partners/${id}/schedule`, {
      body: {
        timeZone: 'Mars/Olympus',
        days: {
          mon: day,
          tue: day,
          wed: day,
          thu: day,
          fri: day,
          sat: day,
          sun: { ...day, from: '25:00' },
        },
      },
      ifMatch: '"0"',
    });
    expect(refused.status).toBe(400);
    expect((refused.body.errors as { field: string }[])[0]!.field).toMatch(/^schedule\./);
  });

  it('pauses, resumes and deactivates with a reason, recording who did what in the history', async () => {
    const id = await register();
    const pause = await fetch(`${service.url}/partners/${id}/pause`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${service.tokens.admin}`,
        'if-match': '"0"',
        'x-change-reason': 'Partner asked by phone',
      },
    });
    expect(pause.headers.get('etag')).toBe('"1"');
    expect((await call('POST', `/partners/${id}/resume`, { ifMatch: '"1"' })).etag).toBe('"2"');
    expect(
      (
        await call('POST', `/partners/${id}/deactivate`, {
          body: { reason: 'Contract ended' },
          ifMatch: '"2"',
        })
      ).status,
    ).toBe(200);
    const history = await expectEventually(async () => {
      const read = await call('GET', `/partners/${id}/history`);
      expect(read.body).toHaveLength(4);
      return read.body as unknown as {
        type: string;
        actor: { id: string };
        reason: string | null;
      }[];
    });
    expect(history.map((entry) => entry.type)).toEqual([
      'PartnerRegistered',
      'DeliveriesPaused',
      'DeliveriesResumed',
      'PartnerDeactivated',
    ]);
    expect(history.every((entry) => entry.actor.id === 'test-admin')).toBe(true);
    expect(history[1]!.reason).toBe('Partner asked by phone');
    expect(history[3]!.reason).toBe('Contract ended');
  });

  it("publishes the partner's events to its Kafka topic, keyed by partner id", async () => {
    const id = await register();
    const message = await findMessage(Topics.partners, (candidate) => candidate.key === id);
    expect(JSON.parse(message.value!.toString())).toMatchObject({
      type: 'PartnerRegistered',
      source: 'leadrail.partners',
      data: { partnerId: id },
    });
  });

  it('lists partners with filters, and the directory and history rebuilt from the log equal the live ones', async () => {
    const id = await register();
    await expectEventually(async () => {
      const listed = await call('GET', '/partners?role=partner&status=active&name=acme');
      expect(
        (listed.body as unknown as { id: string }[]).some((partner) => partner.id === id),
      ).toBe(true);
    });
    const dataSource = service.app.get(DataSource);
    const snapshot = () =>
      dataSource.query<unknown[]>(
        'SELECT partner_id, name, status, revision, state FROM partner_directory ORDER BY partner_id',
      );
    const live = await snapshot();
    const history = () =>
      dataSource.query<unknown[]>('SELECT * FROM partner_history ORDER BY partner_id, revision');
    const liveHistory = await history();
    for (const name of ['partner-directory', 'partner-history']) {
      const runner = service.app.get(ProjectionsHost).runner(name);
      const end = runner.position;
      await runner.rebuild();
      await runner.waitFor(end);
    }
    expect(await snapshot()).toEqual(live);
    expect(await history()).toEqual(liveHistory);
  });

  it('serves its OpenAPI document, describing every route and the bearer scheme', async () => {
    const response = await fetch(`${service.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes: object };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/partners',
        '/partners/{id}',
        '/partners/{id}/history',
        '/partners/{id}/delivery-limits',
        '/partners/{id}/schedule',
        '/partners/{id}/portal-access',
        '/partners/{id}/pause',
      ]),
    );
    expect(document.components.securitySchemes).toHaveProperty('bearer');
  });
});
