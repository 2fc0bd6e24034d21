import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { partnersService } from '../partners.service';
import { PortalTestClient } from './testing/portal-test-client';

/** Each block runs its own partners service, with lifetimes and back-off short enough to wait out. */
function withPartnersService(env: NodeJS.ProcessEnv): () => PortalTestClient {
  let service: ServiceUnderTest;
  let client: PortalTestClient;
  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService, env);
    client = new PortalTestClient(service);
  });
  afterAll(async () => {
    await service?.stop();
  });
  return () => client;
}

describe('partner portal session expiry', () => {
  const client = withPartnersService({ PORTAL_SESSION_TTL_SECONDS: '1' });

  it('refuses a token once it has expired, with 401 saying so', async () => {
    await client().partnerWithLogin(
      'expiry@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const signedIn = await client().signIn('expiry@partner.example', 'partner chosen password');
    const token = signedIn.body!.token as string;
    const expiresAt = Date.parse(signedIn.body!.expiresAt as string);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(1_000);

    const expired = await expectEventually(
      async () => {
        const answer = await client().request('POST', '/portal/deliveries/pause', { token });
        expect(answer.status).toBe(401);
        return answer;
      },
      { timeoutMs: 5_000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(expired.body!.message).toBe('the portal session has expired; sign in again');
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});

describe('partner portal sign-in back-off per email', () => {
  const client = withPartnersService({
    PORTAL_LOCKOUT_FAILURES: '3',
    PORTAL_LOCKOUT_BASE_SECONDS: '1',
    PORTAL_LOCKOUT_IP_FAILURES: '0',
  });

  it('answers 429 with Retry-After after repeated failures, even to the right password, then signs in once the lock is over', async () => {
    await client().partnerWithLogin(
      'locked@partner.example',
      'partner chosen password',
      'leads-only',
    );
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await client().signIn('locked@partner.example', 'wrong password')).status).toBe(401);
    }
    const locked = await client().signIn('locked@partner.example', 'partner chosen password');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(locked.body!.message).toContain('too many failed sign-ins');

    const signedIn = await expectEventually(
      async () => {
        const answer = await client().signIn('locked@partner.example', 'partner chosen password');
        expect(answer.status).toBe(201);
        return answer;
      },
      { timeoutMs: 5_000, intervalMs: 250 },
    );
    expect(signedIn.body!.tokenType).toBe('Bearer');
    // The success reset the count: two more failures are not yet a lockout.
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await client().signIn('locked@partner.example', 'wrong password')).status).toBe(401);
    }
    expect(
      (await client().signIn('locked@partner.example', 'partner chosen password')).status,
    ).toBe(201);
  });

  it('locks an unknown email exactly as a known one', async () => {
    const answers: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      answers.push((await client().signIn('unknown@partner.example', 'any password')).status);
    }
    expect(answers).toEqual([401, 401, 401, 429]);
  });
});

describe('partner portal sign-in back-off per client address', () => {
  const client = withPartnersService({
    PORTAL_LOCKOUT_FAILURES: '100',
    PORTAL_LOCKOUT_IP_FAILURES: '4',
    PORTAL_LOCKOUT_BASE_SECONDS: '60',
  });

  it('refuses an address that failed too often, whichever emails it tries', async () => {
    await client().partnerWithLogin(
      'address@partner.example',
      'partner chosen password',
      'leads-only',
    );
    for (const email of [
      'a@partner.example',
      'b@partner.example',
      'c@partner.example',
      'd@partner.example',
    ]) {
      expect((await client().signIn(email, 'guess')).status).toBe(401);
    }
    const locked = await client().signIn('address@partner.example', 'partner chosen password');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50);
  });
});
