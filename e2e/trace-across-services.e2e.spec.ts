import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { findFreePortBlock } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';
import {
  type TestDatabase,
  createTestDatabase,
  expectEventually,
  findMessage,
  plainKafka,
  testEnvironment,
} from '@leadrail/testing';
import { testPortalIssuer } from '@leadrail/service-testing';
import { Topics } from '@leadrail/topics';
import {
  type OtlpReceiver,
  OtlpSpanKind,
  type ReceivedSpan,
  startOtlpReceiver,
} from './support/otlp-receiver';

/**
 * Tracing across services, as deployed: the partners and routing services run
 * as processes of their own (their real `main.ts`, configured by environment
 * variables only) against the run's Kafka and PostgreSQL, and export to a real
 * OTLP/HTTP receiver in this process. One partner change over HTTP is one
 * trace: the request, its append, the relay publishing the event, and
 * routing consuming it. Processes, not services booted in Jest: the OTLP
 * exporter loads its HTTP client with a dynamic import(), which Jest's module
 * sandbox refuses, and the trace context must cross a process boundary anyway.
 */
describe('tracing across services (OpenTelemetry over OTLP/HTTP)', () => {
  const adminToken = mintOperatorToken();
  let database: TestDatabase;
  let receiver: OtlpReceiver;
  let basePort: number;

  beforeAll(async () => {
    database = await createTestDatabase('tracing');
    receiver = await startOtlpReceiver();
    basePort = await findFreePortBlock(2);
  });

  afterAll(async () => {
    await receiver?.close();
    await database?.drop();
  });

  it('exports nothing and carries no trace context while OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const partners = await startServiceProcess('partners', {
      // Only OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on; an exporter made anyway would send here.
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
    });
    try {
      const partnerId = await registerAndChangeLimits(partners.url);
      const relayed = await relayedChange(partnerId);
      expect(relayed.headers).not.toHaveProperty('traceparent');
      expect(relayed.headers).not.toHaveProperty('tracestate');
    } finally {
      // A tracer provider, had one been started, would flush here.
      expect(await partners.stop()).toBe(0);
    }
    expect(receiver.requests).toBe(0);
  }, 180_000);

  it('follows a partner change from the HTTP request through the append and the relay into routing', async () => {
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    // Partners also consumes the leads topic, which other tests have filled: starting its group
    // at the topic's end keeps a flood of consume spans from filling (and sending) its batches.
    const partnersGroup = `e2e-tracing-partners-${randomBytes(4).toString('hex')}`;
    await startGroupAtEnd(partnersGroup, Topics.leads);
    const [partners, routing] = await Promise.all([
      // Partners' batches leave only when full or on the graceful stop, which must flush them.
      startServiceProcess('partners', {
        ...tracing,
        OTEL_BSP_SCHEDULE_DELAY: '600000',
        KAFKA_GROUP_ID: partnersGroup,
      }),
      startServiceProcess('routing', tracing),
    ]);
    let partnerId: string;
    let relayed: { traceId: string; spanId: string; eventId: string };
    try {
      partnerId = await registerAndChangeLimits(partners.url);
      const message = await relayedChange(partnerId);
      const traceparent = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(
        message.headers.traceparent ?? '',
      );
      expect(traceparent).not.toBeNull();
      relayed = {
        traceId: traceparent![1]!,
        spanId: traceparent![2]!,
        eventId: message.headers['leadrail-event-id']!,
      };
      // Routing consumed it (its spans leave every 5 s) ...
      await expectEventually(
        () =>
          expect(
            receiver.spans.some(
              (span) => span.service === 'routing' && span.parentSpanId === relayed.spanId,
            ),
          ).toBe(true),
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      // ... while partners still holds its own.
      expect(receiver.spans.filter((span) => span.service === 'partners')).toEqual([]);
      // A caller's trace is continued; a body the parser refuses is traced too.
      const read = await fetch(`${partners.url}/partners/${partnerId}`, {
        headers: { authorization: `Bearer ${adminToken}`, traceparent: CALLER_TRACEPARENT },
      });
      expect(read.status).toBe(200);
      const tooLarge = await fetch(`${partners.url}/partners`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(tooLarge.status).toBe(413);
    } finally {
      const exits = await Promise.all([partners.stop(), routing.stop()]);
      expect(exits).toEqual([0, 0]);
    }

    const trace = receiver.spans.filter((span) => span.traceId === relayed.traceId);
    const childOf = (
      parent: ReceivedSpan | undefined,
      service: string,
      kind: number,
    ): ReceivedSpan => {
      const children = trace.filter(
        (span) =>
          span.parentSpanId === parent?.spanId && span.service === service && span.kind === kind,
      );
      expect(children).toHaveLength(1);
      return children[0]!;
    };
    const request = childOf(undefined, 'partners', OtlpSpanKind.server);
    expect(request).toMatchObject({
      name: 'PUT /partners/:id/delivery-limits',
      attributes: {
        'http.request.method': 'PUT',
        'http.route': '/partners/:id/delivery-limits',
        'http.response.status_code': 200,
        'url.path': `/partners/${partnerId}/delivery-limits`,
      },
    });
    const append = childOf(request, 'partners', OtlpSpanKind.internal);
    expect(append).toMatchObject({
      name: 'append partner',
      attributes: {
        'leadrail.stream': `partner-${partnerId}`,
        'leadrail.event.types': ['DeliveryLimitsChanged'],
      },
    });
    const relay = childOf(append, 'partners', OtlpSpanKind.producer);
    expect(relay).toMatchObject({
      spanId: relayed.spanId,
      name: `send ${Topics.partners}`,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': Topics.partners,
        'messaging.message.id': relayed.eventId,
        'leadrail.event.type': 'DeliveryLimitsChanged',
      },
    });
    const consumer = childOf(relay, 'routing', OtlpSpanKind.consumer);
    expect(consumer).toMatchObject({
      name: `process ${Topics.partners}`,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': Topics.partners,
        'messaging.message.id': relayed.eventId,
        // Routing handles no partner event yet: it skips them.
        // Routing keeps a view of partners: it applies the change.
        'leadrail.consume.outcome': 'handled',
      },
    });
    expect(trace).toHaveLength(4);

    expect(receiver.spans.filter((span) => span.traceId === CALLER_TRACE_ID)).toEqual([
      expect.objectContaining({
        service: 'partners',
        parentSpanId: CALLER_SPAN_ID,
        kind: OtlpSpanKind.server,
        name: 'GET /partners/:id',
      }),
    ]);
    expect(
      receiver.spans.filter(
        (span) => span.attributes['http.response.status_code'] === 413 && span.name === 'POST',
      ),
    ).toEqual([
      expect.objectContaining({
        service: 'partners',
        attributes: expect.objectContaining({ 'url.path': '/partners' }) as unknown,
      }),
    ]);
  }, 240_000);

  /** Commits a consumer group's offsets at a topic's current end, before the group first joins. */
  async function startGroupAtEnd(groupId: string, topic: string): Promise<void> {
    const admin = plainKafka().admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) {
        return;
      }
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  /** A service as its own process, ready; stop() sends SIGTERM and resolves with its exit code. */
  async function startServiceProcess(
    service: 'partners' | 'routing',
    extraEnv: NodeJS.ProcessEnv,
  ): Promise<{ url: string; stop(): Promise<number | null> }> {
    const port = service === 'partners' ? basePort : basePort + 1;
    const env: NodeJS.ProcessEnv = {
      ...withoutOpenTelemetry(process.env),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().kafkaBrokers,
      KAFKA_GROUP_ID: `e2e-tracing-${service}-${randomBytes(4).toString('hex')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OPERATOR_TOKENS: `e2e-admin:admin:${hashOperatorToken(adminToken).toString('hex')}`,
      PORTAL_SIGNING_KEY: (await testPortalIssuer()).signingKeyPem,
      ...extraEnv,
    };
    const child: ChildProcess = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join('apps', service, 'src', 'main.ts')],
      { cwd: resolve(__dirname, '..'), env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const exited = once(child, 'exit').then(([code]) => code as number | null);
    const stop = async (): Promise<number | null> => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
      return exited;
    };
    const url = `http://127.0.0.1:${port}`;
    try {
      await expectEventually(
        async () => {
          const ready = await fetch(`${url}/health/ready`).catch(() => undefined);
          expect({ service, status: ready?.status }).toEqual({ service, status: 200 });
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, stop };
  }

  /** Registers a partner and changes its delivery limits, over HTTP; returns the partner's id. */
  async function registerAndChangeLimits(partnersUrl: string): Promise<string> {
    const headers = {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
    };
    const created = await fetch(`${partnersUrl}/partners`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Traced Mortgages Ltd',
        currency: 'GBP',
        partnerType: {
          introducer: false,
          partner: true,
          leadValue: { amount: 2500, currency: 'GBP' },
        },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const changed = await fetch(`${partnersUrl}/partners/${id}/delivery-limits`, {
      method: 'PUT',
      headers: { ...headers, 'if-match': created.headers.get('etag') ?? '' },
      body: JSON.stringify({ daily: 5, monthly: 100 }),
    });
    expect(changed.status).toBe(200);
    return id;
  }
});

const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const CALLER_TRACEPARENT = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`;

/** The partner's DeliveryLimitsChanged as the relay published it to Kafka. */
function relayedChange(partnerId: string) {
  return findMessage(
    Topics.partners,
    (message) =>
      message.key === partnerId &&
      message.headers['leadrail-event-type'] === 'DeliveryLimitsChanged',
    60_000,
  );
}

/** The environment without any OTEL_* variable of the machine running the tests. */
function withoutOpenTelemetry(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('OTEL_')));
}
