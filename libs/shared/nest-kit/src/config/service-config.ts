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
}

/** What a service needs beyond the common configuration. */
export interface ConfigRequirements {
  /** The service serves an admin API: OPERATOR_TOKENS must name at least one operator. */
  operatorTokens?: boolean;
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
  if (problems.length > 0) {
    throw new ConfigError(service, problems);
  }
  return {
    service,
    http: { port: http.PORT, host: http.HOST },
    database: { url: database.DATABASE_URL, schema: database.DATABASE_SCHEMA ?? service },
    kafka: {
      brokers: kafka.KAFKA_BROKERS.split(','),
      clientId: `leadrail-${service}-${hostname()}`,
      groupId: kafka.KAFKA_GROUP_ID ?? `leadrail-${service}`,
      sessionTimeoutMs: kafka.KAFKA_SESSION_TIMEOUT_MS,
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
  };
}
