/**
 * HTTP lead intake benchmark: `npm run bench:leads-intake`.
 *
 * Starts the real leads service as a process of its own (apps/leads/src/main.ts)
 * on Kafka and PostgreSQL from the local stack (or KAFKA_BROKERS and
 * DATABASE_URL when set; a database `leadrail_bench_leads` is created afresh),
 * sets it up as an operator would (introducer announced on Kafka, lead type,
 * a de-duplication rule on email, an API key), and posts unique JSON leads to
 * `POST /leads` with autocannon:
 *
 * (a) acknowledgement latency at a steady 200 leads/s (autocannon, then the
 *     same rate as an open model, latency from when each lead was due);
 * (b) the highest rate one instance sustains with p99 under 100 ms: rates
 *     double from 100/s until p99 reaches 100 ms, a request fails, an answer
 *     is not 201, the achieved rate falls under 95% of the asked one, or the
 *     read models and relay (same process, after the answer) are still busy
 *     a tenth of the run's length after it; one more step halfway, then the
 *     highest passing rate is run again. Every run starts with them idle.
 *
 * Every figure is printed beside the raw rate of what lies underneath,
 * measured on the same server in the same run, before and after it: one-event
 * appends through PostgresEventStore, single-row INSERTs, `SELECT 1`.
 *
 * BENCH_STEADY_SECONDS (20), BENCH_STEP_SECONDS (10), BENCH_BASELINE_SECONDS
 * (3), BENCH_LOG_LEVEL (info, the service's default) adjust it.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { downLocalStack, upLocalStack } from '@leadrail/local-infra';
import { Client } from 'pg';
import { describeLatencies, format } from '../event-store/measure';
import { Baselines, type Latencies, type Rates } from './baselines';
import { type LoadRun, autocannonLoad, openModelLoad } from './intake-load';
import { plainKafka, setUpIntake } from './intake-setup';
import { startLeadsProcess } from './leads-process';
import { secondsToCatchUp } from './catch-up';

type CaughtUpRun = LoadRun & { catchUp: number };

const STEADY_RATE = 200;
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 20);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 10);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 3);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const P99_LIMIT_MS = 100;
// Read models and the relay may trail intake by at most a tenth of the run's length at its end.
const MAX_CATCH_UP = 0.1;
// The service's pools (event store and TypeORM) are pg's default of 10 connections.
const POOL_SIZE = 10;
// Each autocannon connection carries 25 leads/s: it keeps up while answers average under 40 ms.
const LEADS_PER_CONNECTION = 25;
const STEADY_CONNECTIONS = STEADY_RATE / LEADS_PER_CONNECTION;

async function main(): Promise<void> {
  const workspaceRoot = resolve(__dirname, '../..');
  const stateDir = join(workspaceRoot, 'deploy', 'local', '.state', `bench-leads-${process.pid}`);
  const stack = await upLocalStack({ workspaceRoot, stateDir });
  const databaseUrl = await freshDatabase(stack.databaseUrl);
  const service = await startLeadsProcess({
    workspaceRoot,
    databaseUrl,
    kafkaBrokers: stack.kafkaBrokers,
    logLevel: LOG_LEVEL,
  });
  const baselines = await Baselines.open(databaseUrl, POOL_SIZE);
  try {
    const { apiKey } = await setUpIntake(
      service.url,
      service.operatorToken,
      databaseUrl,
      plainKafka(stack.kafkaBrokers),
      service.groupId,
    );
    console.log(
      `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${describeLoad()}`,
    );
    console.log(`server: ${await serverDescription(databaseUrl)}`);
    console.log(
      `service: apps/leads/src/main.ts as its own process, LOG_LEVEL=${LOG_LEVEL}; each lead: JSON, unique lead id,\n` +
        'email and external reference; rules: email (all introducers, all time, reject) and the built-in\n' +
        'external-reference rule. The load generator, the service, PostgreSQL and Kafka share these cores.\n' +
        `Raw: on the same database, through pools of ${POOL_SIZE} (the service's): one-event appends through\n` +
        "PostgresEventStore (a schema of its own), single-row INSERTs into a table of the log's shape,\n" +
        '`SELECT 1`; measured before and after each figure, both shown.\n',
    );

    // Every 201 counted, to hold against what the log recorded at the end.
    let acknowledged = 0;
    // Each run ends when the service's asynchronous work on its leads is done, so the next starts idle.
    const load = async (rate: number, connections: number, seconds: number) => {
      const run = await autocannonLoad(service.url, apiKey, rate, connections, seconds);
      acknowledged += run.created;
      return { ...run, catchUp: await secondsToCatchUp(service.url) };
    };
    // Warm-up (JIT, pools, prepared statements): not recorded.
    await load(100, 2, 3);
    const logBefore = await logCounts(databaseUrl);
    const cpuBefore = cpuSeconds(service.pid);

    // (a) Steady 200 leads/s.
    const latenciesBefore = await baselines.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const steady = await load(STEADY_RATE, STEADY_CONNECTIONS, STEADY_SECONDS);
    const open = await openModelLoad(service.url, apiKey, STEADY_RATE, STEADY_SECONDS);
    acknowledged += open.statuses.get(201) ?? 0;
    const openCatchUp = await secondsToCatchUp(service.url);
    const latenciesAfter = await baselines.latenciesAt(STEADY_RATE, BASELINE_SECONDS);
    const steadyLeads = steady.completed + open.latencies.length;
    const serviceCpu = ((cpuSeconds(service.pid) - cpuBefore) * 1000) / steadyLeads;
    const logAfter = await logCounts(databaseUrl);
    console.log(`(a) acknowledgement at a steady ${STEADY_RATE} leads/s, ${STEADY_SECONDS} s each`);
    console.log(
      `${`  autocannon, ${STEADY_CONNECTIONS} connections`.padEnd(40)} ${describeRun(steady)}`,
    );
    console.log(
      `${'  open model (from when due)'.padEnd(40)} ${describeLatencies(open.latencies)}; ${describeStatuses(open.statuses, open.errors)}; caught up ${openCatchUp.toFixed(1)} s after`,
    );
    printLatencyBaselines('before', latenciesBefore);
    printLatencyBaselines('after', latenciesAfter);
    console.log(
      `  per lead: service CPU ${serviceCpu.toFixed(2)} ms; log events ${((logAfter.events - logBefore.events) / steadyLeads).toFixed(2)} ` +
        `(LeadReceived and its key claims); streams ${((logAfter.streams - logBefore.streams) / steadyLeads).toFixed(2)}\n`,
    );

    // (b) The highest sustained rate.
    console.log(`(b) highest rate with p99 under ${P99_LIMIT_MS} ms, steps of ${STEP_SECONDS} s`);
    const step = async (rate: number): Promise<boolean> => {
      const connections = Math.max(2, Math.ceil(rate / LEADS_PER_CONNECTION));
      const run = await load(rate, connections, STEP_SECONDS);
      const failure = whyNotSustained(run);
      console.log(
        `  ${`${format(rate)} leads/s, ${connections} connections`.padEnd(38)} ${describeRun(run)}${failure ? `: not sustained (${failure})` : ''}`,
      );
      return failure === null;
    };
    let passed = 0;
    let rate = 100;
    while (await step(rate)) {
      passed = rate;
      rate *= 2;
    }
    if (passed > 0 && (await step((passed + rate) / 2))) {
      passed = (passed + rate) / 2;
    }
    if (passed === 0) {
      console.log(`  not even ${rate} leads/s was sustained`);
    } else {
      const connections = Math.max(2, Math.ceil(passed / LEADS_PER_CONNECTION));
      const ratesBefore = await baselines.rates(connections, BASELINE_SECONDS);
      const again = await load(passed, connections, STEP_SECONDS);
      const ratesAfter = await baselines.rates(connections, BASELINE_SECONDS);
      console.log(
        `  highest sustained: ${format(passed)} leads/s; run again: ${describeRun(again)}${whyNotSustained(again) ? ` (${whyNotSustained(again)})` : ''}`,
      );
      printRateBaselines('before', connections, ratesBefore, again.achieved);
      printRateBaselines('after', connections, ratesAfter, again.achieved);
    }

    const all = await logCounts(databaseUrl);
    console.log(
      `\nintegrity: ${format(acknowledged)} answers 201 counted; in the log ${format(all.received)} LeadReceived over HTTP ` +
        `(requests still in flight when a run stopped are recorded, not counted), ${format(all.rejected)} LeadRejected`,
    );
    console.log(`load average ${describeLoad()}`);
  } finally {
    await baselines.close();
    await service.stop();
    await downLocalStack(stateDir, true);
  }
}

/** Why a step does not count as sustained, or null when it does. */
function whyNotSustained(run: CaughtUpRun): string | null {
  if (run.errors > 0 || run.timeouts > 0) {
    return `${run.errors} errors, ${run.timeouts} timeouts`;
  }
  if (run.notCreated > 0) {
    return `${run.notCreated} answers not 201`;
  }
  if (run.p99 >= P99_LIMIT_MS) {
    return `p99 ${run.p99} ms`;
  }
  if (run.achieved < run.rate * 0.95) {
    return `achieved ${format(run.achieved)}/s`;
  }
  if (run.catchUp > run.seconds * MAX_CATCH_UP) {
    return `asynchronous work done ${run.catchUp.toFixed(1)} s after the load`;
  }
  return null;
}

function describeRun(run: CaughtUpRun): string {
  return (
    `achieved ${format(run.achieved)}/s; p50 ${run.p50} / p99 ${run.p99} / max ${run.max} ms; ` +
    `${format(run.created)} × 201, ${run.notCreated} not 201, ${run.errors} errors, ${run.timeouts} timeouts; ` +
    `caught up ${run.catchUp.toFixed(1)} s after`
  );
}

function describeStatuses(statuses: ReadonlyMap<number, number>, errors: number): string {
  const created = statuses.get(201) ?? 0;
  const others = [...statuses].filter(([status]) => status !== 201);
  const notCreated = others.reduce((sum, [, count]) => sum + count, 0);
  const which = others.map(([status, count]) => `${count} × ${status}`).join(', ');
  return `${format(created)} × 201, ${notCreated} not 201${which ? ` (${which})` : ''}, ${errors} errors`;
}

function printLatencyBaselines(when: string, latencies: Latencies): void {
  console.log(
    `${`  raw ${when}: append at ${STEADY_RATE}/s`.padEnd(40)} ${describeLatencies(latencies.appends)}`,
  );
  console.log(
    `${`  raw ${when}: SELECT 1 at ${STEADY_RATE}/s`.padEnd(40)} ${describeLatencies(latencies.selects)}`,
  );
}

function printRateBaselines(when: string, concurrency: number, rates: Rates, leads: number): void {
  console.log(
    `  raw ${when}, ${concurrency} concurrent: ${format(rates.appends)} appends/s (leads/appends ${percent(leads / rates.appends)}), ` +
      `${format(rates.inserts)} INSERTs/s, ${format(rates.selects)} SELECT 1/s`,
  );
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** User and system CPU seconds a process has used so far (Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function logCounts(
  url: string,
): Promise<{ events: number; streams: number; received: number; rejected: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT count(*) AS events, count(DISTINCT stream_name) AS streams,
              count(*) FILTER (WHERE type = 'LeadReceived' AND data->'source'->>'channel' = 'http') AS received,
              count(*) FILTER (WHERE type = 'LeadRejected') AS rejected
         FROM leads_log.events`,
    );
    const row = rows[0]!;
    return {
      events: Number(row.events),
      streams: Number(row.streams),
      received: Number(row.received),
      rejected: Number(row.rejected),
    };
  } finally {
    await client.end();
  }
}

function describeLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS leadrail_bench_leads WITH (FORCE)');
  await client.query('CREATE DATABASE leadrail_bench_leads');
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = '/leadrail_bench_leads';
  return url.toString();
}

async function serverDescription(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<Record<string, string>>(
    `SELECT version() AS version, current_setting('fsync') AS fsync,
            current_setting('synchronous_commit') AS synchronous_commit`,
  );
  await client.end();
  const row = rows[0]!;
  return `${row.version!.split(' on ')[0]}, fsync=${row.fsync}, synchronous_commit=${row.synchronous_commit}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
