import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { partnersService } from '../partners.service';
import { PortalTestClient } from './testing/portal-test-client';

describe('partner portal sessions', () => {
  let service: ServiceUnderTest;
  let client: PortalTestClient;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
    client = new PortalTestClient(service);
  });

  afterAll(async () => {
    await service?.stop();
  });

  const pause = (token?: string) => client.request('POST', '/portal/deliveries/pause', { token });

  it('signs a partner in with a token that opens its portal routes', async () => {
    const id = await client.partnerWithLogin(
      'sign-in@partner.example',
      'partner chosen password',
      'everything-except-leads',
    );
    const signedIn = await client.signIn('Sign-In@Partner.example', 'partner chosen password');
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toEqual({
      token: expect.any(String) as unknown,
      tokenType: 'Bearer',
      expiresAt: expect.any(String) as unknown,
      partnerId: id,
    });
    const token = signedIn.body!.token as string;
    expect((await pause(token)).status).toBe(200);
    expect((await client.admin('GET', `/partners/${id}`)).body!.paused).toMatchObject({
      by: { type: 'partner', id },
    });
  });

  it('publishes a JWKS that verifies the token with jose: issuer, audience, subject, jti, 15-minute expiry, kid, and no access level', async () => {
    const id = await client.partnerWithLogin(
      'jwks@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const token = await client.tokenFor('jwks@partner.example', 'partner chosen password');
    const jwks = await client.request('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body!.keys).toEqual([
      expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' }),
    ]);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"/);

    const { payload, protectedHeader } = await jwtVerify(
      token,
      createRemoteJWKSet(new URL(`${service.url}/.well-known/jwks.json`)),
      { issuer: 'leadrail.partners', audience: 'leadrail.portal' },
    );
    expect(protectedHeader).toMatchObject({
      alg: 'EdDSA',
      kid: service.config.portalSession.signingKey!.kid,
    });
    expect(payload).toEqual({
      iss: 'leadrail.partners',
      aud: 'leadrail.portal',
      sub: id,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      iat: expect.any(Number) as unknown,
      exp: payload.iat! + 900,
    });
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    await client.partnerWithLogin('alike@partner.example', 'partner chosen password', 'leads-only');
    const wrongPassword = await client.signIn('alike@partner.example', 'not the password');
    const unknownEmail = await client.signIn('nobody@partner.example', 'partner chosen password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('refuses a missing, tampered or foreign token with 401 and a Bearer challenge', async () => {
    await client.partnerWithLogin(
      'tamper@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const token = await client.tokenFor('tamper@partner.example', 'partner chosen password');

    const missing = await pause();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="leadrail.portal"');
    expect(missing.body!.message).toContain('POST /portal/session');

    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const otherPartner = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString(
      'base64url',
    );
    const tampered = await pause(`${header}.${otherPartner}.${signature}`);
    expect(tampered.status).toBe(401);
    expect(tampered.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="leadrail.portal", error="invalid_token"/,
    );

    // Signed by a key the partners service never published, with its kid and claims.
    const { privateKey } = generateKeyPairSync('ed25519');
    const foreign = await new SignJWT({ ...claims })
      .setProtectedHeader(decodeProtectedHeader(token) as { alg: string })
      .sign(privateKey);
    const forged = await pause(foreign);
    expect(forged.status).toBe(401);
    expect(forged.body!.message).toBe(
      'the bearer token is not a valid portal session token; sign in again',
    );
    expect((await pause(token)).status).toBe(200);
  });

  it('signs out: 204, then the token is refused with 401', async () => {
    await client.partnerWithLogin(
      'sign-out@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const token = await client.tokenFor('sign-out@partner.example', 'partner chosen password');
    const other = await client.tokenFor('sign-out@partner.example', 'partner chosen password');
    expect((await pause(token)).status).toBe(200);

    const signedOut = await client.request('DELETE', '/portal/session', { token });
    expect(signedOut.status).toBe(204);
    const after = await pause(token);
    expect(after.status).toBe(401);
    expect(after.body!.message).toBe('this portal session was signed out; sign in again');
    expect((await client.request('DELETE', '/portal/session', { token })).status).toBe(401);
    // Only that session: another sign-in of the same partner goes on.
    expect((await pause(other)).status).toBe(200);
  });

  it('checks the current access level on every request: none or an inactive partner is refused with 403, naming why', async () => {
    const id = await client.partnerWithLogin(
      'levels@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const token = await client.tokenFor('levels@partner.example', 'partner chosen password');
    expect((await pause(token)).status).toBe(200);

    await client.setLevel(id, 'none', '"3"');
    const none = await pause(token);
    expect(none.status).toBe(403);
    expect(none.body!.message).toContain('level "none"');

    await client.setLevel(id, 'everything-except-leads', '"4"');
    expect(
      (await client.admin('POST', `/partners/${id}/deactivate`, { reason: 'tests' }, '"5"')).status,
    ).toBe(200);
    await client.directoryShows(id, { status: 'inactive' });
    const inactive = await pause(token);
    expect(inactive.status).toBe(403);
    expect(inactive.body!.message).toBe('this partner is inactive: its portal is closed');
    // Signing out needs no access, only the session.
    expect((await client.request('DELETE', '/portal/session', { token })).status).toBe(204);
  });
});
