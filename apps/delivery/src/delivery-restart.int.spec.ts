import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { findFreePort } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';
import { type ServiceUnderTest, startServiceUnderTest } from '@leadrail/service-testing';
import {
  type TestDatabase,
  createTestDatabase,
  expectEventually,
  findMessage,
  payloadOf,
  testEnvironment,
} from '@leadrail/testing';
import { Topics } from '@leadrail/topics';
import { deliveryService } from './delivery.service';
import { DeliveryTestKit } from './testing/delivery-test-kit';
import { LeadsKeyServer } from './testing/leads-key-server';
import { PartnerEndpoint } from './testing/partner-endpoint';

jest.setTimeout(180_000);

/**
 * Issue #12's promise about restarts: a delivery service killed (SIGKILL)
 * with a retry pending makes that retry once after it starts again.
 */
describe('a retry pending when the delivery service is killed', () => {
  let keys: LeadsKeyServer;
  let database: TestDatabase;
  let endpoint: PartnerEndpoint;
  let restarted: ServiceUnderTest | undefined;
  const group = `test-delivery-restart-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    keys = await LeadsKeyServer.start();
    database = await createTestDatabase('delivery-restart');
    endpoint = await PartnerEndpoint.start([
      { status: 503 },
      { status: 200, body: '{"id":"R-1"}' },
    ]);
  });

  afterAll(async () => {
    await restarted?.stop();
    await database?.drop();
    await endpoint?.stop();
    await keys?.stop();
  });

  const env = (): NodeJS.ProcessEnv => ({
    LEADS_URL: keys.url,
    LEADS_TOKEN: keys.token,
    OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
    DELIVERY_POLL_MS: '50',
    // The retry falls due while the service is down.
    DELIVERY_RETRY_BASE_MS: '8000',
    DELIVERY_RETRY_MAX_MS: '8000',
    DATABASE_URL: database.url,
    KAFKA_GROUP_ID: group,
  });

  it('is made once, by the next instance, after the first was killed', async () => {
    const port = await findFreePort();
    const child: ChildProcess = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'main.ts')],
      {
        cwd: resolve(__dirname, '../../..'),
        env: {
          PATH: process.env.PATH,
          ...env(),
          KAFKA_BROKERS: testEnvironment().kafkaBrokers,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          OPERATOR_TOKENS: `test:admin:${hashOperatorToken(mintOperatorToken()).toString('hex')}`,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const exited = once(child, 'exit');
    await expectEventually(
      async () => {
        const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
        expect(ready?.status).toBe(200);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    // The partners, leads and routing relays' events, as they publish them; the first
    // instance makes the first attempt (503) and schedules the retry.
    const kit = await DeliveryTestKit.for(
      { url: `http://127.0.0.1:${port}` } as ServiceUnderTest,
      keys,
    );
    try {
      const partnerId = await kit.partner({ url: endpoint.url });
      const leadId = await kit.allocatedLead(partnerId);
      // The first attempt (503) recorded and its retry scheduled: then the kill.
      await findMessage(
        Topics.delivery,
        (message) => {
          const payload = payloadOf(message) as {
            type?: string;
            data?: { leadId?: string; nextAttemptAt?: string | null };
          };
          return (
            payload.type === 'DeliveryAttempted' &&
            payload.data?.leadId === leadId &&
            typeof payload.data.nextAttemptAt === 'string'
          );
        },
        60_000,
      );
      expect(endpoint.received).toHaveLength(1);
      child.kill('SIGKILL');
      await exited;

      restarted = await startServiceUnderTest(deliveryService, env());
      const succeeded = await findMessage(
        Topics.delivery,
        (message) => {
          const payload = payloadOf(message) as { type?: string; data?: { leadId?: string } };
          return payload.type === 'DeliverySucceeded' && payload.data?.leadId === leadId;
        },
        60_000,
      );
      expect(payloadOf(succeeded)).toMatchObject({ data: { attempts: 2, partnerReference: null } });
      // Once: nothing more reaches the partner afterwards.
      await new Promise((done) => setTimeout(done, 1500));
      expect(endpoint.received).toHaveLength(2);
      expect(endpoint.received[1]!.headers['x-leadrail-attempt']).toBe('2');
    } finally {
      await kit.close();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  });
});
