import { ConfigError } from './config-error';
import { loadServiceConfig } from './service-config';

const VALID = {
  DATABASE_URL: 'postgres://leadrail:secret@db.internal:5432/leadrail',
  KAFKA_BROKERS: 'kafka-1:9092,kafka-2:9092',
};

function problemsOf(env: NodeJS.ProcessEnv): Record<string, string> {
  try {
    loadServiceConfig('routing', env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return Object.fromEntries(
        error.problems.map((problem) => [problem.variable, problem.message]),
      );
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe(loadServiceConfig.name, () => {
  it('applies defaults for everything but the database and the brokers', () => {
    const config = loadServiceConfig('routing', VALID);
    expect(config).toMatchObject({
      service: 'routing',
      http: { port: 3000, host: '0.0.0.0' },
      database: { url: VALID.DATABASE_URL, schema: 'routing' },
      kafka: {
        brokers: ['kafka-1:9092', 'kafka-2:9092'],
        groupId: 'leadrail-routing',
        topicDefaults: { numPartitions: 6, replicationFactor: 1 },
      },
      logging: { level: 'info' },
      shutdown: { timeoutMs: 10_000 },
      outbound: { allowedHosts: [] },
      tracing: { serviceName: 'routing' },
    });
    expect(config.tracing.endpoint).toBeUndefined();
    expect(config.kafka.clientId).toMatch(/^leadrail-routing-/);
  });

  it('reads every variable an operator may set', () => {
    const config = loadServiceConfig('routing', {
      ...VALID,
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_SCHEMA: 'routing_blue',
      KAFKA_GROUP_ID: 'routing-blue',
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_TOPIC_REPLICATION_FACTOR: '3',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '30000',
      OUTBOUND_ALLOWED_HOSTS: ' partner.corp:8443 , 10.20.0.0/16,[fd00::1],',
    });
    expect(config.http).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(config.database.schema).toBe('routing_blue');
    expect(config.kafka.groupId).toBe('routing-blue');
    expect(config.kafka.topicDefaults).toEqual({ numPartitions: 12, replicationFactor: 3 });
    expect(config.logging.level).toBe('debug');
    expect(config.shutdown.timeoutMs).toBe(30_000);
    expect(config.outbound.allowedHosts).toEqual([
      'partner.corp:8443',
      '10.20.0.0/16',
      '[fd00::1]',
    ]);
  });

  it('names OUTBOUND_ALLOWED_HOSTS and each malformed entry in it', () => {
    expect(
      problemsOf({ ...VALID, OUTBOUND_ALLOWED_HOSTS: 'localhost,https://partner.corp/leads,10/8' }),
    ).toEqual({
      OUTBOUND_ALLOWED_HOSTS:
        'OUTBOUND_ALLOWED_HOSTS: "https://partner.corp/leads" is a URL; list its host (a host name, ' +
        'host:port, IP address, [IPv6]:port or CIDR range); "10/8" is not a valid CIDR range ' +
        '(e.g. 10.0.0.0/8 or fd00::/8)',
    });
  });

  it('reads the OTLP endpoint and the service name spans carry', () => {
    const config = loadServiceConfig('routing', {
      ...VALID,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_SERVICE_NAME: 'routing-blue',
    });
    expect(config.tracing).toEqual({
      endpoint: 'http://otel-collector:4318',
      serviceName: 'routing-blue',
    });
  });

  it('names a malformed OTLP endpoint or service name', () => {
    expect(
      problemsOf({
        ...VALID,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://otel-collector:4317',
        OTEL_SERVICE_NAME: 'routing blue',
      }),
    ).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT:
        'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL of an OTLP collector, e.g. http://otel-collector:4318',
      OTEL_SERVICE_NAME:
        'OTEL_SERVICE_NAME must be at most 255 letters, digits, dots, underscores, colons, slashes or hyphens',
    });
  });

  it('names each missing required variable once, as required', () => {
    expect(problemsOf({})).toEqual({
      DATABASE_URL: 'DATABASE_URL is required (postgres://user:password@host:5432/database)',
      KAFKA_BROKERS: 'KAFKA_BROKERS is required (host:port[,host:port...])',
    });
  });

  it('treats an empty variable as missing', () => {
    expect(Object.keys(problemsOf({ ...VALID, KAFKA_BROKERS: '  ' }))).toEqual(['KAFKA_BROKERS']);
  });

  it('reports every malformed variable at once', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://db:3306/x',
      KAFKA_BROKERS: 'kafka-1',
      PORT: '70000',
      HOST: 'localhost',
      DATABASE_SCHEMA: 'Routing-Blue',
      KAFKA_TOPIC_PARTITIONS: '0',
      LOG_LEVEL: 'verbose',
      SHUTDOWN_TIMEOUT_MS: '1.5',
    });
    expect(Object.keys(problems).sort()).toEqual([
      'DATABASE_SCHEMA',
      'DATABASE_URL',
      'HOST',
      'KAFKA_BROKERS',
      'KAFKA_TOPIC_PARTITIONS',
      'LOG_LEVEL',
      'PORT',
      'SHUTDOWN_TIMEOUT_MS',
    ]);
    expect(problems.LOG_LEVEL).toBe(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(problems.KAFKA_BROKERS).toContain('comma-separated list of host:port');
  });

  it('says which service refused to start and how many problems it found', () => {
    expect(() => loadServiceConfig('billing', { KAFKA_BROKERS: 'k:9092' })).toThrow(
      /^billing: invalid configuration \(1 problem\):\n {2}- DATABASE_URL: /,
    );
  });
});
