/**
 * Billing benchmark: `npm run bench:billing` (issue #13, "Speed").
 *
 * Starts the real billing service as a process of its own
 * (apps/billing/src/main.ts) on Kafka and PostgreSQL from the local stack
 * (or KAFKA_BROKERS and DATABASE_URL when set; a database
 * `leadrail_bench_billing` is created afresh), PayPal off, its defaults
 * otherwise (pools of 10, KAFKA_PARTITIONS_CONCURRENTLY=4). BENCH_PARTNERS
 * (20) partners are announced on `leadrail.partners.v1` as the partners
 * relay publishes them: post-pay, GBP 10,000,000 of credit, billed at
 * delivery. Then:
 *
 * (a) charges per second one instance records: BENCH_LEADS (2,000) sales
 *     published as fast as the broker takes them, each lead's `LeadRouted`
 *     (GBP 35.00, the partners in turn) on `leadrail.routing.v1` and its
 *     `LeadDelivered` on `leadrail.leads.v1`, BENCH_CHUNK (100) leads a
 *     send; from the first publish to the last `PartnerCharged` in billing's
 *     log (`billing_log.events`, polled), and per lead LeadDelivered
 *     published → PartnerCharged recorded;
 * (b) the same latency at a light steady BENCH_STEADY_RATE (20/s) for
 *     BENCH_STEADY_SECONDS (10), each sale's LeadRouted handled beforehand;
 * (c) rebuilding every balance from the log, the service stopped: every
 *     account folded with the domain's evolve (one `readAll` pass, and
 *     stream by stream), on the run's own log and on the log grown to
 *     BENCH_REBUILD_EVENTS (100,000) account events (domain-decided charges
 *     appended directly, BENCH_REBUILD_STREAM_EVENTS (1,000) per account),
 *     BENCH_READ_ROUNDS (3) rounds each; then the billing-ledger projection
 *     reset and replayed by the service, restarted. Seconds per million
 *     events are extrapolated from the events read.
 *
 * Every figure is printed beside the part underneath it measured in the same
 * run: one-event appends through PostgresEventStore (a schema of its own, on
 * the same database, flat out with 1 and 4 callers, and at the steady rate),
 * the same burst through Kafka alone, a Kafka produce → consume at the steady
 * rate, and plain SELECTs of the log. `--leads N`, `--partners N` override
 * BENCH_LEADS and BENCH_PARTNERS. BENCH_BASELINE_SECONDS (3) and
 * BENCH_LOG_LEVEL (info) adjust it.
 */
import { join, resolve } from 'node:path';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { downLocalStack, upLocalStack } from '@leadrail/local-infra';
import { Topics } from '@leadrail/topics';
import { type Producer, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { KafkaHop } from '../delivery/kafka-hop';
import { format } from '../event-store/measure';
import { Baselines } from '../leads-intake/baselines';
import { plainKafka } from '../leads-intake/intake-setup';
import { waitForConsumerGroup } from '../routing/consumer-caught-up';
import {
  describeLoad,
  describeMachine,
  describeServer,
  freshDatabase,
} from '../routing/environment';
import { line, percent } from '../routing/report';
import { BillingLog } from './billing-log';
import { announcePartners } from './billing-setup';
import { type RunContext, burstRun, steadyRun } from './charge-run';
import { kafkaBurst } from './kafka-burst';
import { growLog, replayLedger } from './rebuild';
import { printReads, readRounds } from './read-rounds';
import {
  printKafkaBaseline,
  printLatencyBaseline,
  printPass,
  printRateBaseline,
  printRun,
  rateOf,
} from './report';
import { type ServiceProcess, startServiceProcess } from './service-process';

const setting = (name: string, flag: string, fallback: number): number => {
  const at = process.argv.indexOf(flag);
  return Number(at >= 0 ? process.argv[at + 1] : (process.env[name] ?? fallback));
};
const LEADS = setting('BENCH_LEADS', '--leads', 2_000);
const PARTNERS = setting('BENCH_PARTNERS', '--partners', 20);
const CHUNK = setting('BENCH_CHUNK', '--chunk', 100);
const STEADY_RATE = setting('BENCH_STEADY_RATE', '--steady-rate', 20);
const STEADY_SECONDS = setting('BENCH_STEADY_SECONDS', '--steady-seconds', 10);
const REBUILD_EVENTS = setting('BENCH_REBUILD_EVENTS', '--rebuild-events', 100_000);
const STREAM_EVENTS = setting('BENCH_REBUILD_STREAM_EVENTS', '--stream-events', 1_000);
const READ_ROUNDS = setting('BENCH_READ_ROUNDS', '--read-rounds', 3);
const BASELINE_SECONDS = setting('BENCH_BASELINE_SECONDS', '--baseline-seconds', 3);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
/** The service's pools (event store and TypeORM) are pg's default of 10 connections. */
const POOL_SIZE = 10;
/** KAFKA_PARTITIONS_CONCURRENTLY's default: billing handles up to 4 messages at once. */
const CONCURRENCY = 4;

async function main(): Promise<void> {
  const workspaceRoot = resolve(__dirname, '../..');
  const stateDir = join(workspaceRoot, 'deploy', 'local', '.state', `bench-billing-${process.pid}`);
  const stack = await upLocalStack({ workspaceRoot, stateDir });
  const databaseUrl = await freshDatabase(stack.databaseUrl, 'leadrail_bench_billing');
  const kafka = plainKafka(stack.kafkaBrokers);
  // One group for both starts: the restarted service resumes where the first stopped.
  const groupId = `bench-billing-${process.pid}`;
  const startBilling = (onLogLine?: (line: string) => void) =>
    startServiceProcess({
      workspaceRoot,
      app: 'billing',
      databaseUrl,
      kafkaBrokers: stack.kafkaBrokers,
      logLevel: LOG_LEVEL,
      groupId,
      // Portal routes are not exercised: the JWKS URL the service must have points nowhere.
      env: { PORTAL_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json' },
      onLogLine,
    });
  let service: ServiceProcess | undefined = await startBilling();
  const baselines = await Baselines.open(databaseUrl, POOL_SIZE);
  const log = new BillingLog(databaseUrl);
  const producer: Producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const reader = new Pool({ connectionString: databaseUrl, max: 1 });
  reader.on('error', () => undefined);
  let store: PostgresEventStore | undefined;
  let hop: KafkaHop | undefined;
  try {
    await waitForConsumerGroup(kafka, groupId, [Topics.partners, Topics.routing, Topics.leads]);
    hop = await KafkaHop.open(kafka, `bench-billing-hop-${process.pid}`);
    const partnerIds = await announcePartners(producer, log, PARTNERS);
    const context: RunContext = {
      producer,
      log,
      partnerIds,
      servicePid: service.pid,
      chunk: CHUNK,
    };
    console.log(`machine: ${describeMachine()}`);
    console.log(`server: ${await describeServer(databaseUrl)}`);
    console.log(
      `service: apps/billing/src/main.ts as its own process, LOG_LEVEL=${LOG_LEVEL}, pools of ${POOL_SIZE},\n` +
        `KAFKA_PARTITIONS_CONCURRENTLY=${CONCURRENCY}, PayPal off. ${PARTNERS} partners (post-pay, GBP 10,000,000 credit, billed at\n` +
        'delivery) announced on leadrail.partners.v1. A sale: LeadRouted (GBP 35.00) on leadrail.routing.v1 and LeadDelivered\n' +
        'on leadrail.leads.v1, as their relays publish them, keyed by the lead. Charged: PartnerCharged in billing_log.events\n' +
        "(recorded_at: PostgreSQL's now() at the append, same machine clock). The benchmark, the service, PostgreSQL and\n" +
        'Kafka share these cores. Raw, same run: one-event appends through PostgresEventStore (a schema of its own) on the\n' +
        'same database; the same burst through Kafka alone; plain SELECTs of the log.\n',
    );

    // Warm-up (JIT, pools, prepared statements): not recorded.
    await burstRun(context, Math.min(200, LEADS), 120);

    // (a) Charges per second: a burst.
    console.log(
      `(a) a burst of ${format(LEADS)} sales over ${PARTNERS} partners, ${CHUNK} leads a send, as fast as the broker takes them`,
    );
    const ratesBefore = [
      await baselines.rates(1, BASELINE_SECONDS),
      await baselines.rates(CONCURRENCY, BASELINE_SECONDS),
    ];
    const kafkaBefore = await kafkaBurst(kafka, 'billing-burst', LEADS, CHUNK);
    const burst = await burstRun(context, LEADS, 600);
    const kafkaAfter = await kafkaBurst(kafka, 'billing-burst', LEADS, CHUNK);
    const ratesAfter = [
      await baselines.rates(1, BASELINE_SECONDS),
      await baselines.rates(CONCURRENCY, BASELINE_SECONDS),
    ];
    printRun(burst);
    for (const [when, rates, raw] of [
      ['before', ratesBefore, kafkaBefore],
      ['after', ratesAfter, kafkaAfter],
    ] as const) {
      printRateBaseline(when, 1, rates[0]!, burst.chargesPerSecond);
      printRateBaseline(when, CONCURRENCY, rates[1]!, burst.chargesPerSecond);
      printKafkaBaseline(when, raw, burst.chargesPerSecond);
    }

    // (b) The same path, unloaded.
    console.log(
      `\n(b) a steady ${STEADY_RATE} LeadDelivered/s for ${STEADY_SECONDS} s, each sale's LeadRouted handled beforehand`,
    );
    const appendsBefore = await baselines.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const hopBefore = await hop.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const steady = await steadyRun(context, STEADY_RATE, STEADY_SECONDS, 300);
    const appendsAfter = await baselines.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const hopAfter = await hop.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    printRun(steady);
    printLatencyBaseline('before', STEADY_RATE, appendsBefore, hopBefore, steady);
    printLatencyBaseline('after', STEADY_RATE, appendsAfter, hopAfter, steady);

    // (c) Rebuilding every balance from the log, the service stopped.
    await service.stop();
    service = undefined;
    store = await PostgresEventStore.open({
      connectionString: databaseUrl,
      schema: 'billing_log',
      pool: { max: POOL_SIZE },
    });
    const own = await log.counts();
    console.log(
      `\n(c) every balance rebuilt from the log, service stopped; ${READ_ROUNDS} rounds of each read, in turn.\n` +
        `  the run's own log: ${format(own.accountEvents)} events in ${own.accounts} accounts (per million: extrapolated)`,
    );
    printReads(await readRounds(store, reader, partnerIds, READ_ROUNDS));

    const grown = await growLog(
      store,
      Math.max(0, REBUILD_EVENTS - own.accountEvents),
      STREAM_EVENTS,
    );
    const end = await log.end();
    await log.skipRelayTo(end);
    const counts = await log.counts();
    console.log(
      `  the log grown to ${format(counts.accountEvents)} events in ${format(counts.accounts)} accounts ` +
        `(${format(grown.length)} new ones of up to ${format(STREAM_EVENTS)} charges, decided by the domain, appended directly)`,
    );
    const reads = await readRounds(store, reader, [...partnerIds, ...grown], READ_ROUNDS);
    printReads(reads);
    const replay = await replayLedger(log, startBilling, end, counts.accountEvents, 1_800);
    service = replay.service;
    printPass('ledger projection replayed by billing', [replay], ['the raw read', reads.select]);
    const inserts = ratesAfter[0]!.inserts;
    line(
      '  beside the raw writes',
      `two statements an event (the ledger line, the account's upsert): at (a)'s raw ${format(inserts)} ` +
        `single-row INSERTs/s that is ${format(inserts / 2)} events/s; the replay made ${percent(rateOf([replay]).perSecond / (inserts / 2))} of it`,
    );
    const accounts = await log.accounts();
    const wrong = [...reads.states].filter(([stream, state]) => {
      const row = accounts.get(stream.slice('account-'.length));
      return row?.balance !== state.balance || row.version !== state.version;
    });
    line(
      '  the rebuilt read model',
      `${format(await log.ledgerLines())} ledger lines, ${format(accounts.size)} accounts; ` +
        `${wrong.length === 0 ? 'every balance and version equal to the fold' : `${wrong.length} accounts differ from the fold`}; ` +
        `the service booted ${replay.bootSeconds.toFixed(1)} s before the replay began (not counted)`,
    );
    console.log(`\nload average ${describeLoad()}`);
  } finally {
    await hop?.close();
    await producer.disconnect();
    await store?.close();
    await reader.end();
    await log.close();
    await baselines.close();
    await service?.stop();
    await downLocalStack(stateDir, true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
