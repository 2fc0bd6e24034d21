/**
 * Delivery benchmark: `npm run bench:delivery` (issue #12, "Speed").
 *
 * Starts the real delivery service as a process of its own
 * (apps/delivery/src/main.ts) on Kafka and PostgreSQL from the local stack
 * (or KAFKA_BROKERS and DATABASE_URL when set; a database
 * `leadrail_bench_delivery` is created afresh), with LEADS_URL and
 * LEADS_TOKEN at a key server of the benchmark's own,
 * OUTBOUND_ALLOWED_HOSTS=127.0.0.1 and DELIVERY_POLL_MS=20 (BENCH_POLL_MS;
 * the service's default is 250). A local partner endpoint answers every
 * request 200 after 50 ms. 20 partners are announced on
 * `leadrail.partners.v1`; each run prepares its leads ahead
 * (`LeadRecorded`, `LeadRouted`), then publishes `LeadAllocated` on
 * `leadrail.leads.v1` as the leads relay does, as an open model, and
 * measures per delivery from when its allocation was due (published) to
 * when its request arrived at the partner: LeadRail's own time, nothing
 * subtracted (the partner's 50 ms come after it).
 *
 * (a) a steady 50 allocations/s (BENCH_STEADY_RATE) for BENCH_STEADY_SECONDS (20);
 * (b) the highest rate one instance sustains: steps of BENCH_STEP_SECONDS
 *     (10) from 10/s up by 10/s (BENCH_STEP_FROM, BENCH_STEP_BY) until one
 *     is not kept up with, then one step halfway; a step is kept up with when
 *     every delivery succeeded, the publisher achieved 95% of the rate and
 *     the last request arrived within a tenth of the step's length after the
 *     last allocation was due (a backlog growing faster than that is not
 *     kept up with; each step prints its first and last fifth's p50). The
 *     highest also under the aim (p99 under 100 ms) is the figure; while no
 *     step meets it, steps at half and a quarter of the first follow
 *     (rate-steps.ts);
 * (c) flat out: 80/s offered (4 workers × 1000 / 50 ms) for
 *     BENCH_STEP_SECONDS: the deliveries one instance completes per second.
 *
 * Every figure is printed beside what lies under it, measured in the same
 * run: the one-event append (PostgresEventStore, a schema of its own, on the
 * same database) and a raw Kafka produce → consume on the same broker.
 */
import { join, resolve } from 'node:path';
import { downLocalStack, upLocalStack } from '@leadrail/local-infra';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { Baselines } from '../leads-intake/baselines';
import { plainKafka } from '../leads-intake/intake-setup';
import { waitForConsumerGroup } from '../routing/consumer-caught-up';
import {
  describeLoad,
  describeMachine,
  describeServer,
  freshDatabase,
} from '../routing/environment';
import { describeRate, line, p, percent } from '../routing/report';
import { DeliveryDatabase } from './delivery-database';
import { DeliveryOutcomes } from './delivery-outcomes';
import { startDeliveryProcess } from './delivery-process';
import { type RunContext, deliveryRun } from './delivery-run';
import { announcePartners } from './delivery-setup';
import { KafkaHop } from './kafka-hop';
import { LeadsKeys } from './leads-keys';
import { PartnerEndpoint } from './partner-endpoint';
import { searchRates, whyNotKeptUp } from './rate-steps';
import { printLatencyBaseline, printRateBaseline, printRun, printStep } from './report';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const STEADY_RATE = env('BENCH_STEADY_RATE', 50);
const STEADY_SECONDS = env('BENCH_STEADY_SECONDS', 20);
const STEP_SECONDS = env('BENCH_STEP_SECONDS', 10);
const STEP_FROM = env('BENCH_STEP_FROM', 10);
const STEP_BY = env('BENCH_STEP_BY', 10);
const BASELINE_SECONDS = env('BENCH_BASELINE_SECONDS', 3);
const POLL_MS = env('BENCH_POLL_MS', 20);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const PARTNERS = 20;
/** The partner's answer comes this long after the request arrived. */
const ANSWER_MS = 50;
/** The issue's aim for p99 of LeadRail's own time, allocation → request. */
const AIM_P99_MS = 100;
/** A step is kept up with when its last request arrives within this share of its length after its last allocation. */
const MAX_BACKLOG = 0.1;
const MAX_RATE = 1000;
/** The service's pools (event store and TypeORM) are pg's default of 10 connections. */
const POOL_SIZE = 10;
/** Attempt workers per instance (DeliveryAttemptsPoller). */
const WORKERS = 4;

async function main(): Promise<void> {
  const workspaceRoot = resolve(__dirname, '../..');
  const stateDir = join(
    workspaceRoot,
    'deploy',
    'local',
    '.state',
    `bench-delivery-${process.pid}`,
  );
  const stack = await upLocalStack({ workspaceRoot, stateDir });
  const databaseUrl = await freshDatabase(stack.databaseUrl, 'leadrail_bench_delivery');
  const kafka = plainKafka(stack.kafkaBrokers);
  const keys = await LeadsKeys.start();
  const endpoint = await PartnerEndpoint.start(ANSWER_MS);
  const service = await startDeliveryProcess({
    workspaceRoot,
    databaseUrl,
    kafkaBrokers: stack.kafkaBrokers,
    logLevel: LOG_LEVEL,
    leadsUrl: keys.url,
    leadsToken: keys.token,
    pollMs: POLL_MS,
  });
  const baselines = await Baselines.open(databaseUrl, POOL_SIZE);
  const db = new DeliveryDatabase(databaseUrl);
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  let outcomes: DeliveryOutcomes | undefined;
  let hop: KafkaHop | undefined;
  try {
    await waitForConsumerGroup(kafka, service.groupId, [
      Topics.partners,
      Topics.leads,
      Topics.routing,
    ]);
    outcomes = await DeliveryOutcomes.listen(kafka, `bench-delivery-outcomes-${process.pid}`);
    hop = await KafkaHop.open(kafka, `bench-delivery-hop-${process.pid}`);
    const partnerIds = await announcePartners(producer, db, PARTNERS, endpoint.url);
    const context: RunContext = {
      kafka,
      producer,
      service,
      keys,
      endpoint,
      db,
      outcomes,
      partnerIds,
    };
    console.log(`machine: ${describeMachine()}`);
    console.log(`server: ${await describeServer(databaseUrl)}`);
    console.log(
      `service: apps/delivery/src/main.ts as its own process, DELIVERY_POLL_MS=${POLL_MS}, LOG_LEVEL=${LOG_LEVEL}, ${WORKERS} attempt\n` +
        `workers (its constant), pools of ${POOL_SIZE}. ${PARTNERS} partners taking leads by JSON at a local endpoint (node:http, in this\n` +
        `process) that answers 200 ${ANSWER_MS} ms after each request arrives; the leads' keys from a local key server (in this\n` +
        'process). Each run: its leads prepared ahead (LeadRecorded, LeadRouted; delivery holds them and its consumer is idle),\n' +
        'then LeadAllocated on leadrail.leads.v1 as the leads relay publishes it, each when due (open model). Latency: from\n' +
        "when the allocation was due (published) to when its request arrived at the partner, same clock: LeadRail's own\n" +
        `time, nothing subtracted (the ${ANSWER_MS} ms come after). Raw: one-event appends through PostgresEventStore (a schema\n` +
        'of its own) on the same database, and Kafka produce (acks=all) → consume on the same broker, before and after.\n',
    );

    // Warm-up (JIT, pools, connections to the partner): not recorded.
    await deliveryRun(context, 20, 3, 120);

    // (a) A steady rate.
    console.log(`(a) delivery at a steady ${STEADY_RATE} allocations/s, ${STEADY_SECONDS} s`);
    const appendsBefore = await baselines.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const hopBefore = await hop.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const steady = await deliveryRun(context, STEADY_RATE, STEADY_SECONDS, 30 * STEADY_SECONDS);
    const appendsAfter = await baselines.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const hopAfter = await hop.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    printRun(steady);
    printLatencyBaseline('before', STEADY_RATE, appendsBefore, hopBefore, steady);
    printLatencyBaseline('after', STEADY_RATE, appendsAfter, hopAfter, steady);
    const steadyP99 = p(steady.latencies.toArrival, 99);
    const steadyFailure = whyNotKeptUp(steady, MAX_BACKLOG);
    console.log(
      `  aim p99 under ${AIM_P99_MS} ms: ${steadyP99 < AIM_P99_MS ? 'met' : 'missed'} (p99 ${steadyP99.toFixed(1)} ms)` +
        `${steadyFailure ? `; not kept up: ${steadyFailure}` : ''}\n`,
    );

    // (b) The highest rate one instance sustains.
    console.log(
      `(b) highest rate one instance sustains (every delivery succeeded, the last request within ` +
        `${(MAX_BACKLOG * STEP_SECONDS).toFixed(1)} s of the last allocation), steps of ${STEP_SECONDS} s`,
    );
    const search = await searchRates({
      from: STEP_FROM,
      by: STEP_BY,
      max: MAX_RATE,
      aimP99Ms: AIM_P99_MS,
      maxBacklog: MAX_BACKLOG,
      step: async (rate) => {
        const run = await deliveryRun(context, rate, STEP_SECONDS, 30 * STEP_SECONDS);
        printStep(run, whyNotKeptUp(run, MAX_BACKLOG), AIM_P99_MS);
        return run;
      },
    });
    const named = (rate: number) => (rate > 0 ? `${describeRate(rate)}/s` : 'none of the steps');
    console.log(
      `  highest kept up with: ${named(search.sustained)}; with p99 under ${AIM_P99_MS} ms too: ${named(search.underAim)}\n`,
    );

    // (c) Flat out: what one instance completes per second, between raw rates.
    const flatOutRate = (WORKERS * 1000) / ANSWER_MS;
    console.log(
      `(c) flat out: ${flatOutRate}/s offered for ${STEP_SECONDS} s (what ${WORKERS} workers would make if an attempt took only ` +
        `the partner's ${ANSWER_MS} ms); deliveries completed per second`,
    );
    const ratesBefore = [
      await baselines.rates(1, BASELINE_SECONDS),
      await baselines.rates(WORKERS, BASELINE_SECONDS),
    ];
    const flatOut = await deliveryRun(context, flatOutRate, STEP_SECONDS, 30 * STEP_SECONDS);
    const ratesAfter = [
      await baselines.rates(1, BASELINE_SECONDS),
      await baselines.rates(WORKERS, BASELINE_SECONDS),
    ];
    printRun(flatOut);
    const perAttempt = (WORKERS * 1000) / flatOut.completedPerSecond;
    line(
      'capacity',
      `${flatOut.completedPerSecond.toFixed(1)} deliveries/s = ${WORKERS} workers × 1000 / ${perAttempt.toFixed(1)} ms per attempt ` +
        `(the attempt as recorded p50 ${p(flatOut.latencies.attemptMs, 50).toFixed(1)} ms, the partner's ${ANSWER_MS} ms included)`,
    );
    for (const [when, rates] of [
      ['before', ratesBefore],
      ['after', ratesAfter],
    ] as const) {
      printRateBaseline(when, 1, rates[0]!, flatOut.completedPerSecond);
      printRateBaseline(when, WORKERS, rates[1]!, flatOut.completedPerSecond);
    }
    if (search.underAim > 0) {
      line(
        `(b)'s ${describeRate(search.underAim)}/s at p99 under ${AIM_P99_MS} ms`,
        `deliveries/appends with 1 caller ${percent(search.underAim / ratesBefore[0]!.appends)} before, ` +
          `${percent(search.underAim / ratesAfter[0]!.appends)} after; with ${WORKERS}: ` +
          `${percent(search.underAim / ratesBefore[1]!.appends)}, ${percent(search.underAim / ratesAfter[1]!.appends)}`,
      );
    }
    console.log(`\nload average ${describeLoad()}`);
  } finally {
    await outcomes?.close();
    await hop?.close();
    await producer.disconnect();
    await db.close();
    await baselines.close();
    await service.stop();
    await endpoint.stop();
    await keys.stop();
    await downLocalStack(stateDir, true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
