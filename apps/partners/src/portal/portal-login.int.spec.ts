import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { DataSource } from 'typeorm';
import { partnersService } from '../partners.service';

describe('partner portal logins', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function call(method: string, path: string, body?: unknown, ifMatch?: string) {
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
      etag: response.headers.get('etag'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  async function signIn(email: string, password: string) {
    const response = await fetch(`${service.url}/portal/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function register(): Promise<string> {
    const created = await call('POST', '/partners', {
      name: 'Portal Partner',
      currency: 'GBP',
      partnerType: {
        introducer: false,
        partner: true,
        leadValue: { amount: 1000, currency: 'GBP' },
      },
    });
    return created.body.id as string;
  }

  it('stores a password the operator sets as an argon2id hash, never in the response, the events or the history', async () => {
    const id = await register();
    const password = 'correct horse battery staple';
    const created = await call(
      'POST',
      `/partners/${id}/portal-login`,
      { email: 'Portal@Partner.example', password },
      '"0"',
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ method: 'password', revision: 1 });
    expect(created.etag).toBe('"1"');

    const [row] = await service.app
      .get(DataSource)
      .query<{ email: string; password_hash: string }[]>(
        'SELECT email, password_hash FROM portal_credentials WHERE partner_id = $1',
        [id],
      );
    expect(row!.email).toBe('portal@partner.example');
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const partner = await call('GET', `/partners/${id}`);
    expect(partner.body.settings).toMatchObject({
      portalLogin: { email: 'Portal@Partner.example', method: 'password' },
    });
    const history = await expectEventually(async () => {
      const read = await call('GET', `/partners/${id}/history`);
      expect(read.body).toHaveLength(2);
      return read;
    });
    expect(JSON.stringify(history.body)).not.toContain(password);
    expect(JSON.stringify(partner.body)).not.toContain(password);
  });

  it('creates an invitation when no password is given, returning its token once and storing only its hash', async () => {
    const id = await register();
    const created = await call(
      'POST',
      `/partners/${id}/portal-login`,
      { email: 'invite@partner.example' },
      '"0"',
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ method: 'invitation', revision: 1 });
    const token = created.body.invitationToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await service.app
      .get(DataSource)
      .query<{ invitation_token_sha256: string; password_hash: null }[]>(
        'SELECT invitation_token_sha256, password_hash FROM portal_credentials WHERE partner_id = $1',
        [id],
      );
    expect(row!.password_hash).toBeNull();
    expect(row!.invitation_token_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.invitation_token_sha256).not.toBe(token);

    const accept = (body: object) =>
      fetch(`${service.url}/portal/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await accept({
          email: 'invite@partner.example',
          token: `${token}x`,
          password: 'chosen by the partner',
        })
      ).status,
    ).toBe(401);
    expect(
      (await accept({ email: 'invite@partner.example', token, password: 'chosen by the partner' }))
        .status,
    ).toBe(200);
    expect(
      (await accept({ email: 'invite@partner.example', token, password: 'chosen again later' }))
        .status,
    ).toBe(401);
    const signedIn = await signIn('invite@partner.example', 'chosen by the partner');
    expect(signedIn.status).toBe(201);
    const resumed = await fetch(`${service.url}/portal/deliveries/resume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signedIn.body.token as string}` },
    });
    // Signed in; the partner has no portal access level yet, so the action itself is refused.
    expect(resumed.status).toBe(403);
  });

  it('refuses a second login (409) and a short password (400), leaving no credentials behind', async () => {
    const id = await register();
    expect(
      (
        await call(
          'POST',
          `/partners/${id}/portal-login`,
          { email: 'a@partner.example', password: 'short' },
          '"0"',
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          'POST',
          `/partners/${id}/portal-login`,
          { email: 'a@partner.example', password: 'a long enough password' },
          '"0"',
        )
      ).status,
    ).toBe(201);
    const again = await call(
      'POST',
      `/partners/${id}/portal-login`,
      { email: 'b@partner.example', password: 'another long password' },
      '"1"',
    );
    expect(again.status).toBe(409);
    const rows = await service.app
      .get(DataSource)
      .query<unknown[]>('SELECT 1 FROM portal_credentials WHERE partner_id = $1', [id]);
    expect(rows).toHaveLength(1);
  });

  it('lets a partner with portal access sign in to pause and resume its own deliveries, and refuses wrong credentials', async () => {
    const id = await register();
    await call(
      'PUT',
      `/partners/${id}/portal-access`,
      {
        level: 'everything-except-leads',
        requireReferralAcceptance: false,
        mayUpdateLeadStatus: false,
      },
      '"0"',
    );
    await call(
      'POST',
      `/partners/${id}/portal-login`,
      { email: 'self@partner.example', password: 'partner chosen password' },
      '"1"',
    );
    const portal = async (path: string, password: string) => {
      const signedIn = await signIn('self@partner.example', password);
      if (signedIn.status !== 201) {
        return signedIn.status;
      }
      const response = await fetch(`${service.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${signedIn.body.token as string}` },
      });
      return response.status;
    };

    expect(await portal('/portal/deliveries/pause', 'wrong password')).toBe(401);
    // The portal reads access from the partner directory, which folds the operator's change shortly after.
    await expectEventually(async () =>
      expect(await portal('/portal/deliveries/pause', 'partner chosen password')).toBe(200),
    );
    const paused = await call('GET', `/partners/${id}`);
    expect(paused.body.paused).toMatchObject({ by: { type: 'partner', id } });
    expect(paused.body.settings).toMatchObject({
      portalAccess: { level: 'everything-except-leads' },
    });
    expect(await portal('/portal/deliveries/resume', 'partner chosen password')).toBe(200);
    expect((await call('GET', `/partners/${id}`)).body.paused).toBeNull();
  });
});
