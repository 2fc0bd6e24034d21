import { AllowList } from '@leadrail/outbound-guard';
import { hostname } from 'node:os';
import { ConfigError, ConfigProblem } from './config-error';
import { DatabaseEnv } from './database.env';
import { HttpEnv } from './http.env';
import { KafkaEnv } from './kafka.env';
import { LogLevel, LoggingEnv } from './logging.env';
import { type OperatorTokenEntry, parseOperatorTokens } from '../auth/operator-token';
import { EventStoreEnv } from './event-store.env';
import { OperatorsEnv } from './operators.env';
import { OutboundEnv } from './outbound.env';
import { PortalLockoutEnv } from './portal-lockout.env';
import { PortalSessionEnv } from './portal-session.env';
import { type PortalKeyConfig, readPortalKey } from './portal-signing-key';
import { ShutdownEnv } from './shutdown.env';
import { TracingEnv } from './tracing.env';
import { validateEnv } from './validate-env';

/** The typed configuration every LeadRail service runs with. */
export interface ServiceConfig {
  service: string;
  http: { port: number; host: string };
  database: { url: string; schema: string };
  kafka: {
    brokers: string[];
    clientId: string;
    groupId: string;
    sessionTimeoutMs: number;
    /** Partitions one instance consumes at once. */
    partitionsConcurrently: number;
    topicDefaults: { numPartitions: number; replicationFactor: number };
  };
  logging: { level: LogLevel };
  shutdown: { timeoutMs: number };
  /** The event log: EventStoreDB when `url` is set, else PostgreSQL in `schema`. */
  eventStore: { url?: string; schema: string };
  /** Operators allowed on the service's admin API (empty when it has none). */
  operators: OperatorTokenEntry[];
  /** OUTBOUND_ALLOWED_HOSTS entries: internal hosts outbound requests may reach anyway. */
  outbound: { allowedHosts: string[] };
  /** OpenTelemetry: spans exported over OTLP/HTTP to `endpoint` when set; off otherwise. */
  tracing: { endpoint?: string; serviceName: string };
  /** Partner portal sessions: the partners service's keys, everyone's JWKS URL, sign-in back-off. */
  portalSession: PortalSessionConfig;
  /** The variables it was read from: where a service's own settings (its `checkEnv`) are read. */
  env: Readonly<NodeJS.ProcessEnv>;
}

/** Partner portal sessions (docs/operations.md, "Partner portal sessions"). */
export interface PortalSessionConfig {
  /** PORTAL_SIGNING_KEY: the key the partners service signs with (only it has one). */
  signingKey?: PortalKeyConfig;
  /** PORTAL_PREVIOUS_PUBLIC_KEY: during a rotation, the retired key, still published and accepted. */
  previousPublicKey?: PortalKeyConfig;
  ttlSeconds: number;
  /** PORTAL_JWKS_URL: where services other than partners fetch the public keys. */
  jwksUrl?: string;
  lockout: {
    failuresPerEmail: number;
    /** 0: client addresses are not counted. */
    failuresPerAddress: number;
    windowSeconds: number;
    baseLockSeconds: number;
  };
}

/** What a service needs beyond the common configuration. */
export interface ConfigRequirements {
  /** The service serves an admin API: OPERATOR_TOKENS must name at least one operator. */
  operatorTokens?: boolean;
  /** The service signs partner portal sessions: PORTAL_SIGNING_KEY must hold its private key. */
  portalSigningKey?: boolean;
  /** The service serves partner portal routes: PORTAL_JWKS_URL must say where the public keys are. */
  portalJwksUrl?: boolean;
}

/** Injection token of the ServiceConfig inside a service's Nest application. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/**
 * Validates every concern's variables and reports all problems in one
 * ConfigError, so an operator fixes a deployment in one round.
 */
export function loadServiceConfig(
  service: string,
  env: NodeJS.ProcessEnv,
  requirements: ConfigRequirements = {},
): ServiceConfig {
  const problems: ConfigProblem[] = [];
  const read = <T extends object>(schema: new () => T): T => {
    const result = validateEnv(schema, env);
    problems.push(...result.problems);
    return result.value;
  };
  const http = read(HttpEnv);
  const database = read(DatabaseEnv);
  const kafka = read(KafkaEnv);
  const logging = read(LoggingEnv);
  const shutdown = read(ShutdownEnv);
  const operators = read(OperatorsEnv);
  const eventStore = read(EventStoreEnv);
  const outbound = read(OutboundEnv);
  const tracing = read(TracingEnv);
  const portalSession = read(PortalSessionEnv);
  const lockout = read(PortalLockoutEnv);
  if (
    requirements.operatorTokens &&
    !operators.OPERATOR_TOKENS &&
    !problems.some((p) => p.variable === 'OPERATOR_TOKENS')
  ) {
    problems.push({
      variable: 'OPERATOR_TOKENS',
      message:
        'OPERATOR_TOKENS is required: this service has an admin API (npm run operator-token mints a token)',
    });
  }
  if (
    requirements.portalSigningKey &&
    !portalSession.PORTAL_SIGNING_KEY &&
    !problems.some((p) => p.variable === 'PORTAL_SIGNING_KEY')
  ) {
    problems.push({
      variable: 'PORTAL_SIGNING_KEY',
      message:
        'PORTAL_SIGNING_KEY is required: this service signs partner portal sessions (a PKCS#8 PEM Ed25519 or P-256 private key; docs/operations.md)',
    });
  }
  if (
    requirements.portalJwksUrl &&
    !portalSession.PORTAL_JWKS_URL &&
    !problems.some((p) => p.variable === 'PORTAL_JWKS_URL')
  ) {
    problems.push({
      variable: 'PORTAL_JWKS_URL',
      message:
        "PORTAL_JWKS_URL is required: this service serves partner portal routes (the partners service's /.well-known/jwks.json)",
    });
  }
  if (problems.length > 0) {
    throw new ConfigError(service, problems);
  }
  return {
    service,
    env,
    http: { port: http.PORT, host: http.HOST },
    database: { url: database.DATABASE_URL, schema: database.DATABASE_SCHEMA ?? service },
    kafka: {
      brokers: kafka.KAFKA_BROKERS.split(','),
      clientId: `leadrail-${service}-${hostname()}`,
      groupId: kafka.KAFKA_GROUP_ID ?? `leadrail-${service}`,
      sessionTimeoutMs: kafka.KAFKA_SESSION_TIMEOUT_MS,
      partitionsConcurrently: kafka.KAFKA_PARTITIONS_CONCURRENTLY,
      topicDefaults: {
        numPartitions: kafka.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: kafka.KAFKA_TOPIC_REPLICATION_FACTOR,
      },
    },
    logging: { level: logging.LOG_LEVEL },
    shutdown: { timeoutMs: shutdown.SHUTDOWN_TIMEOUT_MS },
    eventStore: {
      url: eventStore.EVENTSTORE_URL,
      schema: `${database.DATABASE_SCHEMA ?? service}_log`,
    },
    operators: parseOperatorTokens(operators.OPERATOR_TOKENS ?? '').entries,
    outbound: {
      allowedHosts: AllowList.parse(outbound.OUTBOUND_ALLOWED_HOSTS ?? '').allowList.entries.map(
        (entry) => entry.text,
      ),
    },
    tracing: {
      endpoint: tracing.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: tracing.OTEL_SERVICE_NAME ?? service,
    },
    portalSession: {
      signingKey: configuredKey(
        portalSession.PORTAL_SIGNING_KEY,
        'private',
        portalSession.PORTAL_SIGNING_KEY_ID,
      ),
      previousPublicKey: configuredKey(
        portalSession.PORTAL_PREVIOUS_PUBLIC_KEY,
        'public',
        portalSession.PORTAL_PREVIOUS_PUBLIC_KEY_ID,
      ),
      ttlSeconds: portalSession.PORTAL_SESSION_TTL_SECONDS,
      jwksUrl: portalSession.PORTAL_JWKS_URL,
      lockout: {
        failuresPerEmail: lockout.PORTAL_LOCKOUT_FAILURES,
        failuresPerAddress: lockout.PORTAL_LOCKOUT_IP_FAILURES,
        windowSeconds: lockout.PORTAL_LOCKOUT_WINDOW_SECONDS,
        baseLockSeconds: lockout.PORTAL_LOCKOUT_BASE_SECONDS,
      },
    },
  };
}

/** A key the validation above already accepted (so reading it again cannot fail). */
function configuredKey(
  pem: string | undefined,
  kind: 'private' | 'public',
  kid: string | undefined,
): PortalKeyConfig | undefined {
  const read = pem === undefined ? undefined : readPortalKey(pem, kind, kid);
  return read && 'key' in read ? read.key : undefined;
}
