import type { ServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';

/** An HTTP answer, its JSON body (or null) and the headers tests look at. */
export interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  headers: Headers;
}

type Level = 'none' | 'leads-and-reports' | 'leads-only' | 'everything-except-leads';

/**
 * What portal tests do over HTTP against a partners service under test: the
 * operator's steps (register, grant a level, create a login) and the
 * partner's (sign in, call a portal route, sign out).
 */
export class PortalTestClient {
  constructor(private readonly service: ServiceUnderTest) {}

  async request(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; ifMatch?: string; baseUrl?: string } = {},
  ): Promise<Answer> {
    const response = await fetch(`${options.baseUrl ?? this.service.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      headers: response.headers,
    };
  }

  admin(method: string, path: string, body?: unknown, ifMatch?: string): Promise<Answer> {
    return this.request(method, path, { body, ifMatch, token: this.service.tokens.admin });
  }

  /** A partner with a portal login (`email`, `password`) and the level given, once the directory shows it. */
  async partnerWithLogin(email: string, password: string, level: Level): Promise<string> {
    const created = await this.admin('POST', '/partners', {
      name: `Portal ${email}`,
      currency: 'GBP',
      partnerType: {
        introducer: false,
        partner: true,
        leadValue: { amount: 1000, currency: 'GBP' },
      },
    });
    const id = created.body!.id as string;
    expect(
      (await this.admin('POST', `/partners/${id}/portal-login`, { email, password }, '"0"')).status,
    ).toBe(201);
    await this.setLevel(id, level, '"1"');
    return id;
  }

  /** Sets the partner's level and waits until the partner directory (what portal routes read) has it. */
  async setLevel(id: string, level: Level, ifMatch: string): Promise<void> {
    const changed = await this.admin(
      'PUT',
      `/partners/${id}/portal-access`,
      { level, requireReferralAcceptance: false, mayUpdateLeadStatus: false },
      ifMatch,
    );
    expect(changed.status).toBe(200);
    await this.directoryShows(id, { settings: { portalAccess: { level } } });
  }

  /** Waits until the partner list (the partner directory) shows `expected` for the partner. */
  async directoryShows(id: string, expected: object): Promise<void> {
    await expectEventually(async () => {
      const list = await this.admin('GET', '/partners');
      const partners = list.body as unknown as { id: string }[];
      expect(partners.find((partner) => partner.id === id)).toMatchObject(expected);
    });
  }

  signIn(email: string, password: string): Promise<Answer> {
    return this.request('POST', '/portal/session', { body: { email, password } });
  }

  async tokenFor(email: string, password: string): Promise<string> {
    const signedIn = await this.signIn(email, password);
    expect(signedIn.status).toBe(201);
    return signedIn.body!.token as string;
  }
}
