import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import {
  ServiceConfig,
  ServiceDefinition,
  hashOperatorToken,
  loadServiceConfig,
  mintOperatorToken,
  startService,
} from '@leadrail/nest-kit';
import { type TestDatabase, createTestDatabase, testEnvironment } from '@leadrail/testing';
import { testPortalIssuer } from './test-portal-issuer';

/** A real service, booted in the test process against the run's real Kafka and its own database. */
export interface ServiceUnderTest {
  app: INestApplication;
  url: string;
  config: ServiceConfig;
  database: TestDatabase;
  /** Bearer tokens of a test administrator and a read-only operator. */
  tokens: { admin: string; readOnly: string };
  stop(): Promise<void>;
}

export async function startServiceUnderTest(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv = {},
): Promise<ServiceUnderTest> {
  const infra = testEnvironment();
  const database = await createTestDatabase(definition.name);
  const tokens = { admin: mintOperatorToken(), readOnly: mintOperatorToken() };
  const operatorTokens = [
    `test-admin:admin:${hashOperatorToken(tokens.admin).toString('hex')}`,
    `test-reader:read-only:${hashOperatorToken(tokens.readOnly).toString('hex')}`,
  ].join(',');
  const portal = await portalSessionEnv(definition);
  const config = loadServiceConfig(
    definition.name,
    {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: infra.kafkaBrokers,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      // A group of its own: offsets of other tests' consumers never interfere.
      KAFKA_GROUP_ID: `test-${definition.name}-${randomBytes(4).toString('hex')}`,
      OPERATOR_TOKENS: operatorTokens,
      ...portal,
      ...env,
    },
    definition.requires,
  );
  const started = await startService(definition, config).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    ...started,
    config,
    database,
    tokens,
    stop: async () => {
      await started.app.close();
      await database.drop();
    },
  };
}

/** The portal session keys a service needs: the test issuer's (testPortalIssuer) key or JWKS URL. */
async function portalSessionEnv(definition: ServiceDefinition): Promise<NodeJS.ProcessEnv> {
  const { portalSigningKey, portalJwksUrl } = definition.requires ?? {};
  if (!portalSigningKey && !portalJwksUrl) {
    return {};
  }
  const issuer = await testPortalIssuer();
  return portalSigningKey
    ? { PORTAL_SIGNING_KEY: issuer.signingKeyPem, PORTAL_SIGNING_KEY_ID: issuer.kid }
    : { PORTAL_JWKS_URL: issuer.jwksUrl };
}
