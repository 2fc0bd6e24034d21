import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type INestApplication, Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomIds } from '@leadrail/event-store';
import {
  CLOCK,
  IDS,
  SERVICE_CONFIG,
  applyHttpInputPolicy,
  createValidationPipe,
  hashOperatorToken,
  loadServiceConfig,
  mintOperatorToken,
  systemClock,
} from '@leadrail/nest-kit';
import { type TestDatabase, createTestDatabase, testEnvironment } from '@leadrail/testing';
import { DataSource } from 'typeorm';
import {
  type DirectoryPartner,
  PARTNER_DIRECTORY,
  type PartnerDirectory,
} from '../../ports/partner-directory';
import { SMS_STATUS_SINK, type SmsStatusSink } from '../../ports/sms-sender';
import { CreateCallTransfers1764000004500 } from '../migrations/1764000004500-create-call-transfers';
import { TwilioModule } from '../twilio.module';
import { PublicGateway } from './public-gateway';

/** A status callback as the core would have been told it. */
export type RecordedStatus = Parameters<SmsStatusSink['recordStatus']>[0];

/** The partners the notifications core would know, by id and phone (its partner view, in memory). */
export class InMemoryDirectory implements PartnerDirectory {
  readonly partners = new Map<string, DirectoryPartner>();

  add(partner: DirectoryPartner): DirectoryPartner {
    this.partners.set(partner.partnerId, partner);
    return partner;
  }

  byPhone(e164: string): Promise<DirectoryPartner | null> {
    return Promise.resolve([...this.partners.values()].find((p) => p.phone === e164) ?? null);
  }

  byId(partnerId: string): Promise<DirectoryPartner | null> {
    return Promise.resolve(this.partners.get(partnerId) ?? null);
  }
}

@Module({})
class TwilioTestRoot {}

@Module({})
class TestServiceKit {}

/** TwilioModule served over HTTP for its own tests. */
export interface TwilioTestApp {
  /** The app itself. */
  url: string;
  /** Where Twilio reaches it: PUBLIC_NOTIFICATIONS_URL, a gateway with a path prefix. */
  publicUrl: string;
  app: INestApplication;
  statuses: RecordedStatus[];
  directory: InMemoryDirectory;
  tokens: { admin: string; readOnly: string };
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Boots TwilioModule alone in a Nest application over HTTP, set up as a
 * service sets up HTTP (validation pipe, body parsers keeping the raw bytes,
 * the input policy), behind a gateway at PUBLIC_NOTIFICATIONS_URL, on a
 * database of its own with the module's migration, with an in-memory status
 * sink and partner directory standing in for the notifications core's. No
 * Kafka: nothing here consumes or publishes.
 */
export async function startTwilioTestApp(env: Record<string, string>): Promise<TwilioTestApp> {
  const gateway = await PublicGateway.start();
  const database: TestDatabase = await createTestDatabase('notifications_twilio');
  const tokens = { admin: mintOperatorToken(), readOnly: mintOperatorToken() };
  const config = loadServiceConfig(
    'notifications',
    {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().kafkaBrokers,
      OPERATOR_TOKENS: [
        `test-admin:admin:${hashOperatorToken(tokens.admin).toString('hex')}`,
        `test-reader:read-only:${hashOperatorToken(tokens.readOnly).toString('hex')}`,
      ].join(','),
      PUBLIC_NOTIFICATIONS_URL: gateway.url,
      // No partners service unless a test gives one: text commands then fail politely.
      PARTNERS_URL: 'http://127.0.0.1:9',
      PARTNERS_TOKEN: 'no-partners-service-in-this-test',
      ...env,
    },
    { operatorTokens: true },
  );
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: [CreateCallTransfers1764000004500],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const statuses: RecordedStatus[] = [];
  const directory = new InMemoryDirectory();
  const sink: SmsStatusSink = {
    recordStatus: (update) => {
      statuses.push(update);
      return Promise.resolve();
    },
  };
  const kit: Provider[] = [
    { provide: SERVICE_CONFIG, useValue: config },
    { provide: CLOCK, useValue: systemClock },
    { provide: IDS, useValue: randomIds },
    { provide: DataSource, useValue: dataSource },
  ];
  const app = await NestFactory.create(
    {
      module: TwilioTestRoot,
      imports: [
        { module: TestServiceKit, global: true, providers: kit, exports: kit },
        TwilioModule.register({
          providers: [
            { provide: SMS_STATUS_SINK, useValue: sink },
            { provide: PARTNER_DIRECTORY, useValue: directory },
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
  const url = `http://127.0.0.1:${port}`;
  gateway.target = url;
  return {
    url,
    publicUrl: gateway.url,
    app,
    statuses,
    directory,
    tokens,
    dataSource,
    close: async () => {
      await app.close();
      await gateway.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
