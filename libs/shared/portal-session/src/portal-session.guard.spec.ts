import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Controller,
  Delete,
  type DynamicModule,
  Get,
  type INestApplication,
  Module,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type JWK, SignJWT } from 'jose';
import { CurrentPortalPartner } from './current-portal-partner.decorator';
import { PORTAL_ACCESS, type PortalAccess } from './portal-access';
import {
  PortalAccessRequired,
  PortalSessionRequired,
  RequiresPortalLeads,
} from './portal-access-required.decorator';
import type { PortalPartner } from './portal-partner';
import { PORTAL_SESSION_REVOCATIONS } from './portal-session-revocations';
import { PORTAL_TOKEN_VERIFIER, PortalTokenVerifier } from './portal-token-verifier';

const { privateKey } = generateKeyPairSync('ed25519');
const jwk: JWK = { ...(createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid: 'k1' };
const clock = { now: () => new Date() };

/** Partners' current access and signed-out sessions, as a service's own tables would hold them. */
const accessByPartner = new Map<string, PortalAccess>();
const revoked = new Set<string>();

@Controller('portal')
class Routes {
  @Get('leads')
  @RequiresPortalLeads()
  leads(@CurrentPortalPartner() partner: PortalPartner): object {
    return { partnerId: partner.partnerId, level: partner.access?.level };
  }

  @Get('anything')
  @PortalAccessRequired()
  anything(): object {
    return {};
  }

  @Delete('session')
  @PortalSessionRequired()
  signOut(@CurrentPortalPartner() partner: PortalPartner): object {
    return { sessionId: partner.session.sessionId };
  }
}

@Module({})
class TestModule {
  static with(verifier: PortalTokenVerifier): DynamicModule {
    return {
      module: TestModule,
      controllers: [Routes],
      providers: [
        { provide: PORTAL_TOKEN_VERIFIER, useValue: verifier },
        {
          provide: PORTAL_ACCESS,
          useValue: { accessOf: (id: string) => Promise.resolve(accessByPartner.get(id) ?? null) },
        },
        {
          provide: PORTAL_SESSION_REVOCATIONS,
          useValue: { isRevoked: (id: string) => Promise.resolve(revoked.has(id)) },
        },
      ],
    };
  }
}

async function serve(
  verifier: PortalTokenVerifier,
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(TestModule.with(verifier), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

function partner(level: PortalAccess['level'], active = true): string {
  const id = randomUUID();
  accessByPartner.set(id, {
    level,
    active,
    requireReferralAcceptance: false,
    mayUpdateLeadStatus: true,
  });
  return id;
}

function tokenFor(partnerId: string, jti = randomUUID()): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
    .setIssuer('leadrail.partners')
    .setAudience('leadrail.portal')
    .setSubject(partnerId)
    .setJti(jti)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(privateKey);
}

describe('PortalSessionGuard', () => {
  let server: { app: INestApplication; url: string };

  beforeAll(async () => {
    server = await serve(PortalTokenVerifier.local({ keys: [jwk] }, clock));
  });

  afterAll(async () => {
    await server?.app.close();
  });

  async function call(path: string, token?: string, method = 'GET') {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      challenge: response.headers.get('www-authenticate'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it('opens a route to a partner whose current level it lists, and hands the route the partner', async () => {
    const id = partner('leads-only');
    expect(await call('/portal/leads', await tokenFor(id))).toMatchObject({
      status: 200,
      body: { partnerId: id, level: 'leads-only' },
    });
  });

  it('answers 401 with a Bearer challenge without a token, and invalid_token with a bad one', async () => {
    const missing = await call('/portal/leads');
    expect(missing).toMatchObject({ status: 401, challenge: 'Bearer realm="leadrail.portal"' });
    const bad = await call('/portal/leads', 'abc.def.ghi');
    expect(bad.status).toBe(401);
    expect(bad.challenge).toContain('error="invalid_token"');
  });

  it('answers 403 to a level the route does not list, to level none and to an inactive partner', async () => {
    const except = await call('/portal/leads', await tokenFor(partner('everything-except-leads')));
    expect(except.status).toBe(403);
    expect(except.body.message).toContain('"everything-except-leads" does not include this');
    expect((await call('/portal/anything', await tokenFor(partner('none')))).status).toBe(403);
    expect(
      (await call('/portal/anything', await tokenFor(partner('leads-only', false)))).status,
    ).toBe(403);
    expect((await call('/portal/anything', await tokenFor(randomUUID()))).status).toBe(403);
  });

  it('reads the level on each request: a change applies to a token already issued', async () => {
    const id = partner('leads-and-reports');
    const token = await tokenFor(id);
    expect((await call('/portal/leads', token)).status).toBe(200);
    accessByPartner.set(id, { ...accessByPartner.get(id)!, level: 'everything-except-leads' });
    expect((await call('/portal/leads', token)).status).toBe(403);
  });

  it('lets a session-only route (sign-out) through whatever the level, and refuses a revoked session', async () => {
    const jti = randomUUID();
    const token = await tokenFor(partner('none'), jti);
    expect(await call('/portal/session', token, 'DELETE')).toMatchObject({
      status: 200,
      body: { sessionId: jti },
    });
    revoked.add(jti);
    const after = await call('/portal/session', token, 'DELETE');
    expect(after).toMatchObject({
      status: 401,
      body: { message: 'this portal session was signed out; sign in again' },
    });
  });

  it('answers 503, not 401, when the public keys cannot be fetched', async () => {
    const unreachable = await serve(
      PortalTokenVerifier.remote('http://127.0.0.1:9/.well-known/jwks.json', clock),
    );
    try {
      const response = await fetch(`${unreachable.url}/portal/leads`, {
        headers: { authorization: `Bearer ${await tokenFor(partner('leads-only'))}` },
      });
      expect(response.status).toBe(503);
    } finally {
      await unreachable.app.close();
    }
  });
});
