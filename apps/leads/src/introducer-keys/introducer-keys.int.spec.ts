import type { EventStore } from '@leadrail/event-store';
import { introducerKeysStream } from '@leadrail/leads-domain';
import { EVENT_STORE } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually } from '@leadrail/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { leadsService } from '../leads.service';

describe('introducer API keys', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest(leadsService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  async function operator(method: string, path: string, body?: unknown, token?: string) {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token ?? service.tokens.admin}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as Record<string, unknown> & unknown[],
    };
  }

  async function issue(introducerId: string, label = 'CRM production') {
    const issued = await operator('POST', `/introducers/${introducerId}/api-keys`, { label });
    expect(issued.status).toBe(201);
    return issued.body as unknown as {
      keyId: string;
      apiKey: string;
      displayPrefix: string;
      issuedAt: string;
    };
  }

  function whoami(headers: Record<string, string | undefined>) {
    const sent = Object.fromEntries(
      Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    return fetch(`${service.url}/introducer/whoami`, { headers: sent });
  }

  it('issues a key that authenticates at once, by bearer token or X-Api-Key', async () => {
    const introducerId = randomUUID();
    const issued = await issue(introducerId.toUpperCase());
    expect(issued.apiKey).toMatch(/^lrk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(issued.apiKey.startsWith(`lrk_${issued.keyId}_`)).toBe(true);
    expect(issued.displayPrefix).toBe(`lrk_${issued.keyId.slice(0, 8)}…`);

    for (const headers of [
      { authorization: `Bearer ${issued.apiKey}` },
      { 'x-api-key': issued.apiKey },
    ]) {
      const response = await whoami(headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ introducerId, keyId: issued.keyId });
    }
  });

  it('refuses a revoked key, a wrong secret, an unknown key and none, with 401 and WWW-Authenticate', async () => {
    const introducerId = randomUUID();
    const issued = await issue(introducerId);
    const wrongSecret = `${issued.apiKey.slice(0, -1)}${issued.apiKey.endsWith('A') ? 'B' : 'A'}`;
    const unknown = `lrk_${'0'.repeat(32)}_${issued.apiKey.slice(-43)}`;
    const refusals: { statusCode: number; message: string }[] = [];
    for (const headers of [
      { authorization: `Bearer ${wrongSecret}` },
      { authorization: `Bearer ${unknown}` },
      { authorization: 'Bearer lrk_nonsense' },
      { authorization: `Bearer ${service.tokens.admin}` },
      { authorization: `Bearer ${issued.apiKey}`, 'x-api-key': wrongSecret },
      {},
    ]) {
      const response = await whoami(headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="leadrail-intake"');
      refusals.push((await response.json()) as { statusCode: number; message: string });
    }
    // Unknown key, wrong secret and malformed keys are told apart by nobody.
    expect(new Set(refusals.slice(0, 5).map((refusal) => refusal.message)).size).toBe(1);
    expect(refusals[5]).toMatchObject({ statusCode: 401, error: 'Unauthorized' });

    const revoked = await operator(
      'DELETE',
      `/introducers/${introducerId}/api-keys/${issued.keyId.toUpperCase()}`,
      { reason: 'leaked in a log' },
    );
    expect(revoked.status).toBe(204);
    const afterRevocation = await whoami({ authorization: `Bearer ${issued.apiKey}` });
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.headers.get('www-authenticate')).toBe('Bearer realm="leadrail-intake"');

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    for (const reason of ['missing', 'malformed', 'unknown', 'wrong-secret', 'revoked']) {
      expect(metrics).toMatch(
        new RegExp(`leadrail_intake_auth_failures_total\\{[^}]*reason="${reason}"[^}]*\\} [1-9]`),
      );
    }
  });

  it('lists keys without secrets or hashes, and keeps no secret in the event log or the table', async () => {
    const introducerId = randomUUID();
    const first = await issue(introducerId, 'CRM production');
    const second = await issue(introducerId, 'CRM staging');
    await operator('DELETE', `/introducers/${introducerId}/api-keys/${first.keyId}`);

    const listed = await operator(
      'GET',
      `/introducers/${introducerId}/api-keys`,
      undefined,
      service.tokens.readOnly,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        keyId: first.keyId,
        label: 'CRM production',
        revokedAt: expect.any(String) as string,
      }),
      expect.objectContaining({ keyId: second.keyId, label: 'CRM staging', revokedAt: null }),
    ]);
    const secrets = [first, second].map((key) => key.apiKey.slice(`lrk_${key.keyId}_`.length));
    const events = await service.app
      .get<EventStore>(EVENT_STORE)
      .readStream(introducerKeysStream(introducerId));
    expect(events.map((event) => event.type)).toEqual([
      'ApiKeyIssued',
      'ApiKeyIssued',
      'ApiKeyRevoked',
    ]);
    const rows = await service.app
      .get(DataSource)
      .query<object[]>('SELECT * FROM introducer_api_keys WHERE introducer_id = $1', [
        introducerId,
      ]);
    expect(rows).toHaveLength(2);
    for (const stored of [
      JSON.stringify(listed.body),
      JSON.stringify(events.map(({ data, metadata }) => ({ data, metadata }))),
      JSON.stringify(rows),
    ]) {
      for (const secret of secrets) {
        expect(stored).not.toContain(secret);
      }
    }
    expect(JSON.stringify(listed.body)).not.toContain('secretHash');
  });

  it('keeps the table equal to the log once the projection has caught up', async () => {
    const introducerId = randomUUID();
    const issued = await issue(introducerId);
    await operator('DELETE', `/introducers/${introducerId}/api-keys/${issued.keyId}`);
    const dataSource = service.app.get(DataSource);
    // The projection reapplies what the endpoints wrote through: idempotent, never un-revoking.
    await expectEventually(async () => {
      const [checkpoint] = await dataSource.query<{ position: string }[]>(
        "SELECT position FROM projection_checkpoints WHERE name = 'introducer-api-keys'",
      );
      const [last] = await service.app
        .get<EventStore>(EVENT_STORE)
        .readStream(introducerKeysStream(introducerId), { direction: 'backwards', maxCount: 1 });
      expect(BigInt(checkpoint!.position)).toBeGreaterThanOrEqual(last!.position);
    });
    const [row] = await dataSource.query<{ revoked_at: Date | null; secret_hash: string }[]>(
      'SELECT revoked_at, secret_hash FROM introducer_api_keys WHERE key_id = $1',
      [issued.keyId],
    );
    expect(row!.revoked_at).not.toBeNull();
    expect(row!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await whoami({ 'x-api-key': issued.apiKey })).status).toBe(401);
  });

  it('answers 400 on invalid ids and labels, 404 on an unknown key, 409 past five active keys, 403 to a read-only operator', async () => {
    const introducerId = randomUUID();
    const badIntroducer = await operator('POST', '/introducers/not-a-uuid/api-keys', {
      label: 'x',
    });
    expect(badIntroducer.status).toBe(400);
    expect(badIntroducer.body.errors).toEqual([
      { field: 'introducerId', messages: ['introducerId must be a UUID'] },
    ]);
    const badKey = await operator('DELETE', `/introducers/${introducerId}/api-keys/xyz`);
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toEqual([
      { field: 'keyId', messages: ['keyId must be 32 hexadecimal characters'] },
    ]);
    const blank = await operator('POST', `/introducers/${introducerId}/api-keys`, { label: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'label' })]);
    const unknown = await operator(
      'DELETE',
      `/introducers/${introducerId}/api-keys/${'a'.repeat(32)}`,
    );
    expect(unknown.status).toBe(404);

    for (let n = 0; n < 5; n++) {
      await issue(introducerId, `key ${n}`);
    }
    const sixth = await operator('POST', `/introducers/${introducerId}/api-keys`, { label: 'six' });
    expect(sixth.status).toBe(409);
    expect(sixth.body.error).toBe('TOO_MANY_ACTIVE_KEYS');

    const readOnly = await operator(
      'POST',
      `/introducers/${introducerId}/api-keys`,
      { label: 'x' },
      service.tokens.readOnly,
    );
    expect(readOnly.status).toBe(403);
    const anonymous = await fetch(`${service.url}/introducers/${introducerId}/api-keys`);
    expect(anonymous.status).toBe(401);
  });
});
