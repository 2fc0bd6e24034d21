import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplication, Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CLOCK,
  SERVICE_CONFIG,
  applyHttpInputPolicy,
  createValidationPipe,
  hashOperatorToken,
  loadServiceConfig,
  mintOperatorToken,
} from '@leadrail/nest-kit';
import { PORTAL_ACCESS, type PortalAccess } from '@leadrail/portal-session';
import { type TestPortalIssuer, testPortalIssuer } from '@leadrail/service-testing';
import { type TestDatabase, createTestDatabase, testEnvironment } from '@leadrail/testing';
import { DataSource } from 'typeorm';
import { CreatePaypalOrders1764000003500 } from '../migrations/1764000003500-create-paypal-orders';
import { PAYMENT_RECORDER } from '../payment-recorder';
import { PaypalModule } from '../paypal.module';
import { InMemoryPaymentRecorder } from './in-memory-payment-recorder';

/** The root of the test application, and the module standing in for the service kit's globals. */
@Module({})
class PaypalTestRoot {}

@Module({})
class TestServiceKit {}

/** PaypalModule served over HTTP for its own tests, with a fake recorder and partners' access. */
export interface PaypalTestApp {
  url: string;
  app: INestApplication;
  recorder: InMemoryPaymentRecorder;
  /** Partners' portal access, as billing would know it. */
  access: Map<string, PortalAccess>;
  portal: TestPortalIssuer;
  tokens: { admin: string; readOnly: string };
  dataSource: DataSource;
  /** Moves the app's clock (not the PayPal's) this far ahead of real time. */
  clockOffsetMs: number;
  close(): Promise<void>;
}

/** Access that opens the portal at the given level. */
export function portalAccess(level: PortalAccess['level'], active = true): PortalAccess {
  return { level, active, requireReferralAcceptance: false, mayUpdateLeadStatus: false };
}

/**
 * Boots PaypalModule alone in a Nest application over HTTP, set up as a
 * service sets up HTTP (the validation pipe, body parsers keeping the raw
 * bytes, the input policy), on a database of its own with the module's
 * migration, real portal session tokens and operator tokens. No Kafka:
 * PayPal top-ups consume and publish nothing themselves.
 */
export async function startPaypalTestApp(env: Record<string, string>): Promise<PaypalTestApp> {
  const database: TestDatabase = await createTestDatabase('billing_paypal');
  const portal = await testPortalIssuer();
  const tokens = { admin: mintOperatorToken(), readOnly: mintOperatorToken() };
  const config = loadServiceConfig(
    'billing',
    {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().kafkaBrokers,
      OPERATOR_TOKENS: [
        `test-admin:admin:${hashOperatorToken(tokens.admin).toString('hex')}`,
        `test-reader:read-only:${hashOperatorToken(tokens.readOnly).toString('hex')}`,
      ].join(','),
      PORTAL_JWKS_URL: portal.jwksUrl,
      ...env,
    },
    { operatorTokens: true, portalJwksUrl: true },
  );
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: [CreatePaypalOrders1764000003500],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const recorder = new InMemoryPaymentRecorder();
  const access = new Map<string, PortalAccess>();
  const harness = { clockOffsetMs: 0 };
  const kit: Provider[] = [
    { provide: SERVICE_CONFIG, useValue: config },
    { provide: CLOCK, useValue: { now: () => new Date(Date.now() + harness.clockOffsetMs) } },
    { provide: DataSource, useValue: dataSource },
  ];
  const app = await NestFactory.create(
    {
      module: PaypalTestRoot,
      imports: [
        { module: TestServiceKit, global: true, providers: kit, exports: kit },
        PaypalModule.register({
          providers: [
            { provide: PAYMENT_RECORDER, useValue: recorder },
            {
              provide: PORTAL_ACCESS,
              useValue: { accessOf: (id: string) => Promise.resolve(access.get(id) ?? null) },
            },
          ],
        }),
      ],
    },
    { logger: process.env.TEST_LOG_LEVEL === undefined ? false : ['error', 'warn', 'log'] },
  );
  app.useGlobalPipes(createValidationPipe());
  applyHttpInputPolicy(app);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return Object.assign(harness, {
    url: `http://127.0.0.1:${port}`,
    app,
    recorder,
    access,
    portal,
    tokens,
    dataSource,
    close: async () => {
      await app.close();
      await dataSource.destroy();
      await database.drop();
    },
  });
}
