import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, type DynamicModule, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { systemClock } from '@leadrail/nest-kit';
import {
  CurrentPortalPartner,
  PORTAL_ACCESS,
  PORTAL_TOKEN_VERIFIER,
  type PortalAccessLookup,
  type PortalPartner,
  PortalTokenVerifier,
  RequiresPortalLeads,
  RequiresPortalReports,
} from '@leadrail/portal-session';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { partnersService } from '../partners.service';
import { PortalTestClient } from './testing/portal-test-client';

/** Lead routes as another service (leads) guards them: keys from partners' JWKS, no shared secret. */
@Controller('portal')
class LeadRoutes {
  @Get('leads')
  @RequiresPortalLeads()
  leads(@CurrentPortalPartner() partner: PortalPartner): object {
    return { partnerId: partner.partnerId, level: partner.access?.level };
  }

  @Get('reports')
  @RequiresPortalReports()
  reports(@CurrentPortalPartner() partner: PortalPartner): object {
    return { partnerId: partner.partnerId };
  }
}

@Module({})
class OtherServiceModule {
  static verifyingWith(jwksUrl: string, access: PortalAccessLookup): DynamicModule {
    return {
      module: OtherServiceModule,
      controllers: [LeadRoutes],
      providers: [
        {
          provide: PORTAL_TOKEN_VERIFIER,
          useValue: PortalTokenVerifier.remote(jwksUrl, systemClock),
        },
        // This stand-in reads partners' own directory; the leads service will read its projection.
        { provide: PORTAL_ACCESS, useValue: access },
      ],
    };
  }
}

describe('portal access levels on another service’s lead routes', () => {
  let service: ServiceUnderTest;
  let client: PortalTestClient;
  let other: INestApplication;
  let otherUrl: string;

  beforeAll(async () => {
    service = await startServiceUnderTest(partnersService);
    client = new PortalTestClient(service);
    other = await NestFactory.create(
      OtherServiceModule.verifyingWith(
        `${service.url}/.well-known/jwks.json`,
        service.app.get<PortalAccessLookup>(PORTAL_ACCESS),
      ),
      { logger: false },
    );
    await other.listen(0, '127.0.0.1');
    otherUrl = `http://127.0.0.1:${((other.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await other?.close();
    await service?.stop();
  });

  const leads = (token: string, path = '/portal/leads') =>
    client.request('GET', path, { token, baseUrl: otherUrl });

  it('lets "leads-only" see leads but not reports, and "leads-and-reports" both', async () => {
    const id = await client.partnerWithLogin(
      'leads-only@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const token = await client.tokenFor('leads-only@partner.example', 'partner chosen password');
    const allowed = await leads(token);
    expect(allowed).toMatchObject({ status: 200, body: { partnerId: id, level: 'leads-only' } });
    const reports = await leads(token, '/portal/reports');
    expect(reports.status).toBe(403);
    expect(reports.body!.message).toBe(
      'portal access level "leads-only" does not include this; it needs "leads-and-reports"',
    );

    await client.setLevel(id, 'leads-and-reports', '"2"');
    expect((await leads(token, '/portal/reports')).status).toBe(200);
  });

  it('refuses lead routes with 403 to "everything-except-leads", to "none" and to an inactive partner', async () => {
    const id = await client.partnerWithLogin(
      'no-leads@partner.example',
      'partner chosen password',
      'everything-except-leads',
    );
    const token = await client.tokenFor('no-leads@partner.example', 'partner chosen password');
    const except = await leads(token);
    expect(except.status).toBe(403);
    expect(except.body!.message).toBe(
      'portal access level "everything-except-leads" does not include this; it needs "leads-and-reports" or "leads-only"',
    );

    await client.setLevel(id, 'none', '"2"');
    expect((await leads(token)).status).toBe(403);

    await client.setLevel(id, 'leads-only', '"3"');
    expect((await leads(token)).status).toBe(200);
    await client.admin('POST', `/partners/${id}/deactivate`, { reason: 'tests' }, '"4"');
    await client.directoryShows(id, { status: 'inactive' });
    expect((await leads(token)).body!.message).toBe(
      'this partner is inactive: its portal is closed',
    );
  });

  it('refuses a forged token with 401, and accepts a signed-out one until it expires (only partners keeps sign-outs)', async () => {
    await client.partnerWithLogin(
      'elsewhere@partner.example',
      'partner chosen password',
      'leads-only',
    );
    const token = await client.tokenFor('elsewhere@partner.example', 'partner chosen password');
    const forged = await leads(`${token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');

    expect((await client.request('DELETE', '/portal/session', { token })).status).toBe(204);
    expect((await client.request('POST', '/portal/deliveries/pause', { token })).status).toBe(401);
    expect((await leads(token)).status).toBe(200);
  });
});
