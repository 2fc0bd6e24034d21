import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import { expectEventually, findMessage, payloadOf } from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { deliveryIdOf } from '@leadrail/delivery-domain';
import { deliveryRegistry } from '@leadrail/delivery-contracts';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { Client } from 'pg';
import { AttemptLogRetention } from './deliveries/attempt-log-retention';
import { deliveryService } from './delivery.service';
import { DeliveryTestKit, TEST_CONTACT } from './testing/delivery-test-kit';
import { LeadsKeyServer } from './testing/leads-key-server';
import { PartnerEndpoint } from './testing/partner-endpoint';

jest.setTimeout(120_000);

type Attempt = {
  attempt: number;
  outcome: string;
  httpStatus: number | null;
  request: { headers: Record<string, string>; body: string };
};

function deliveryEnv(keys: LeadsKeyServer): NodeJS.ProcessEnv {
  return {
    LEADS_URL: keys.url,
    LEADS_TOKEN: keys.token,
    // The partners' endpoints in these tests are local: allowed explicitly.
    OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
    DELIVERY_POLL_MS: '50',
    DELIVERY_RETRY_BASE_MS: '300',
    DELIVERY_RETRY_MAX_MS: '1000',
    DELIVERY_MAX_ATTEMPTS: '3',
  };
}

function outcomeOf(leadId: string, type: string) {
  return findMessage(Topics.delivery, (message) => {
    const payload = payloadOf(message) as { type?: string; data?: { leadId?: string } };
    return payload.type === type && payload.data?.leadId === leadId;
  });
}

/** Leads delivered to partners' real local HTTP endpoints, from the events that start them. */
describe('delivering allocated leads over the internet', () => {
  let keys: LeadsKeyServer;
  let service: ServiceUnderTest;
  let kit: DeliveryTestKit;

  beforeAll(async () => {
    keys = await LeadsKeyServer.start();
    service = await startServiceUnderTest(deliveryService, deliveryEnv(keys));
    kit = await DeliveryTestKit.for(service, keys);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.stop();
    await keys?.stop();
  });

  it('retries a 500 and delivers on the 200, with the same delivery id, and logs both', async () => {
    const endpoint = await PartnerEndpoint.start([
      { status: 500, body: '{"error":"busy"}' },
      { status: 200, body: '{"id":"ACME-1"}' },
    ]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId);

      const succeeded = await outcomeOf(leadId, 'DeliverySucceeded');
      // What the relay published is what the contract says, envelope included.
      const parsed = parseIntegrationEvent(succeeded.value!.toString(), deliveryRegistry);
      expect(parsed.ok ? '' : parsed.message).toBe('');
      expect(payloadOf(succeeded)).toMatchObject({
        data: { leadId, partnerId, channels: ['internet'], attempts: 2, redelivery: false },
      });
      expect(endpoint.received).toHaveLength(2);
      const deliveryId = deliveryIdOf(leadId, partnerId);
      for (const [index, request] of endpoint.received.entries()) {
        expect(request.headers['x-leadrail-delivery-id']).toBe(deliveryId);
        expect(request.headers['x-leadrail-attempt']).toBe(String(index + 1));
        expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
        // Hostile values arrive as the same text, inside their JSON strings.
        expect(JSON.parse(request.body)).toEqual({
          name: `${TEST_CONTACT.firstName} ${TEST_CONTACT.lastName}`,
          email: TEST_CONTACT.email,
          ref: deliveryId,
          value: 3500,
        });
      }

      const log = await kit.get<{ attempts: Attempt[] }>(`/deliveries/leads/${leadId}/attempts`);
      expect(log.status).toBe(200);
      expect(log.body.attempts.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
        [1, 'error', 500],
        [2, 'accepted', 200],
      ]);
      // The partner's secret is masked in the log; the body is kept as sent.
      const logged = Object.entries(log.body.attempts[0]!.request.headers).find(
        ([name]) => name.toLowerCase() === 'authorization',
      );
      expect(logged?.[1]).toMatch(/^Bearer /);
      expect(logged?.[1]).not.toContain('secret-token');
      expect(endpoint.received[0]!.headers.authorization).toBe(
        'Bearer partner-secret-token-123456',
      );
      expect(log.body.attempts[1]!.request.body).toBe(endpoint.received[1]!.body);
    } finally {
      await endpoint.stop();
    }
  });

  it('records a 4xx as the partner rejecting the lead, never retried', async () => {
    const endpoint = await PartnerEndpoint.start([
      { status: 422, body: '{"error":"duplicate applicant"}' },
    ]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId);
      const rejected = await outcomeOf(leadId, 'DeliveryRejected');
      expect(payloadOf(rejected)).toMatchObject({ data: { leadId, partnerId, attempts: 1 } });
      expect(endpoint.received).toHaveLength(1);
    } finally {
      await endpoint.stop();
    }
  });

  it('gives up after the last attempt when the partner never answers well', async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 503 }]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId);
      const failed = await outcomeOf(leadId, 'DeliveryFailed');
      expect(payloadOf(failed)).toMatchObject({ data: { leadId, partnerId, attempts: 3 } });
      expect(endpoint.received).toHaveLength(3);
    } finally {
      await endpoint.stop();
    }
  });

  it('fails for good, without a request, when the lead was erased before delivery', async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 200 }]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId, { erased: true });
      const failed = await outcomeOf(leadId, 'DeliveryFailed');
      expect(payloadOf(failed)).toMatchObject({ data: { leadId, attempts: 1 } });
      expect((payloadOf(failed) as { data: { reason: string } }).data.reason).toContain('erased');
      expect(endpoint.received).toHaveLength(0);
    } finally {
      await endpoint.stop();
    }
  });

  it("blanks the log's requests and responses of a lead whose personal data is erased", async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 200, body: '{"id":"E-1"}' }]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId);
      await outcomeOf(leadId, 'DeliverySucceeded');
      const erasedAt = await kit.erased(leadId);
      await expectEventually(async () => {
        const log = await kit.get<{ attempts: Attempt[] }>(`/deliveries/leads/${leadId}/attempts`);
        expect(log.body.attempts).toEqual([
          expect.objectContaining({
            outcome: 'accepted',
            httpStatus: 200,
            request: { erasedAt },
            response: { erasedAt },
          }),
        ]);
      });
    } finally {
      await endpoint.stop();
    }
  });

  it('redelivers a delivered lead with the same delivery id, marked as a redelivery', async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 200, body: '{"id":"D-1"}' }]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId);
      await outcomeOf(leadId, 'DeliverySucceeded');
      const path = `/deliveries/leads/${leadId}/partners/${partnerId}/redeliver`;

      expect((await kit.post(path, {}, { readOnly: true })).status).toBe(403);
      const answer = await kit.post<{ deliveryId: string }>(path, {});
      expect(answer).toEqual({
        status: 202,
        body: { deliveryId: deliveryIdOf(leadId, partnerId), channels: ['internet'] },
      });
      await expectEventually(() => expect(endpoint.received).toHaveLength(2));
      expect(endpoint.received[1]!.headers['x-leadrail-delivery-id']).toBe(
        deliveryIdOf(leadId, partnerId),
      );
      const redelivered = await findMessage(Topics.delivery, (message) => {
        const payload = payloadOf(message) as {
          type?: string;
          data?: { leadId?: string; redelivery?: boolean };
        };
        return (
          payload.type === 'DeliverySucceeded' &&
          payload.data?.leadId === leadId &&
          payload.data.redelivery === true
        );
      });
      expect(payloadOf(redelivered)).toMatchObject({ data: { attempts: 1 } });

      // A lead never delivered to this partner: nothing to redeliver.
      const other = await kit.partner({ url: endpoint.url });
      const missing = await kit.post<{ error: string }>(
        `/deliveries/leads/${leadId}/partners/${other}/redeliver`,
        {},
      );
      expect(missing.status).toBe(404);
    } finally {
      await endpoint.stop();
    }
  });

  it('shows the exact request of a test delivery, and sends it only when asked', async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 422, body: '{"error":"test lead"}' }]);
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      type Shown = { request: { body: string; headers: Record<string, string> }; sent: boolean };
      // Once delivery has heard of the partner.
      const shown = await expectEventually(async () => {
        const answer = await kit.post<Shown>(
          '/deliveries/test-delivery',
          { partnerId, lead: { firstName: 'Testy', lastName: 'McTest' } },
          { readOnly: true },
        );
        expect(answer.status).toBe(200);
        return answer;
      });
      expect(shown.body.sent).toBe(false);
      expect(JSON.parse(shown.body.request.body)).toMatchObject({ name: 'Testy McTest' });
      expect(endpoint.received).toHaveLength(0);

      expect(
        (await kit.post('/deliveries/test-delivery', { partnerId, send: true }, { readOnly: true }))
          .status,
      ).toBe(403);
      const sent = await kit.post<Shown & { result: { outcome: string; httpStatus: number } }>(
        '/deliveries/test-delivery',
        { partnerId, send: true },
      );
      expect(sent.body).toMatchObject({
        sent: true,
        result: { outcome: 'rejected', httpStatus: 422 },
      });
      expect(endpoint.received).toHaveLength(1);

      const invalid = await kit.post<{ errors: { field: string }[] }>('/deliveries/test-delivery', {
        partnerId: 'not-a-uuid',
        send: 'yes',
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((error) => error.field).sort()).toEqual(['partnerId', 'send']);
    } finally {
      await endpoint.stop();
    }
  });

  it('purges attempts older than the retention period from the log', async () => {
    const endpoint = await PartnerEndpoint.start([{ status: 200 }]);
    const db = new Client({ connectionString: service.database.url });
    await db.connect();
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const [old, recent] = [
        await kit.allocatedLead(partnerId),
        await kit.allocatedLead(partnerId),
      ];
      await outcomeOf(old, 'DeliverySucceeded');
      await outcomeOf(recent, 'DeliverySucceeded');
      await db.query(
        `UPDATE delivery.delivery_attempts SET started_at = now() - interval '91 days' WHERE lead_id = $1`,
        [old],
      );
      expect(await service.app.get(AttemptLogRetention).purge()).toBeGreaterThanOrEqual(1);
      expect((await kit.get(`/deliveries/leads/${old}/attempts`)).status).toBe(404);
      expect((await kit.get(`/deliveries/leads/${recent}/attempts`)).status).toBe(200);
    } finally {
      await db.end();
      await endpoint.stop();
    }
  });
});
