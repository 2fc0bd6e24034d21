import { describeLatencies, format, percentile } from '../event-store/measure';
import type { Latencies, Rates } from '../leads-intake/baselines';
import type { RoutingRun } from './routing-run';

const LABEL = 44;

/** The `at`th percentile of `values`, sorted or not. */
export function p(values: readonly number[], at: number): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    at,
  );
}

export function line(label: string, text: string): void {
  console.log(`${`  ${label}`.padEnd(LABEL)} ${text}`);
}

/** Every latency of a run, then its windows, counts and costs. */
export function printRun(run: RoutingRun): void {
  const { latencies } = run;
  line('recorded → allocation appended', describeLatencies(latencies.toAllocation));
  line('recorded → decision appended', describeLatencies(latencies.toDecision));
  line('recorded → decision on leadrail.routing.v1', describeLatencies(latencies.toPublished));
  line('  recorded → handler began', describeLatencies(latencies.toHandling));
  line('  handler began → allocation appended', describeLatencies(latencies.handlingToAllocation));
  line('  allocation → decision appended', describeLatencies(latencies.allocationToDecision));
  line('  publish acknowledged (acks=all)', describeLatencies(latencies.publishAck));
  console.log('    leads due in each 5 s: to allocation p50 / p99; handling alone p50 (ms)');
  for (const w of run.windows) {
    line(
      `  ${w.from}-${w.from + 5} s`,
      `${w.p50.toFixed(1)} / ${w.p99.toFixed(1)}; ${w.handlingP50.toFixed(1)} (${format(w.leads)} leads)`,
    );
  }
  line('leads', describeCounts(run));
  line(
    'per lead',
    `routing CPU ${run.cpuPerLead.toFixed(2)} ms; database (approximate) ${run.transactionsPerLead.toFixed(1)} transactions, ` +
      `${run.logIndexScansPerLead.toFixed(1)} index scans of the event log, ${format(run.rowsFetchedPerLead)} rows fetched`,
  );
  line(
    'ledgers after the run',
    `longest ${format(run.ledgers.longest)} events; ${run.ledgers.withLeads} partners allocated to (the top priority tier)`,
  );
}

export function describeCounts(run: RoutingRun): string {
  return (
    `${format(run.published)} published (${format(run.achieved)}/s, ${run.publishErrors} errors), ` +
    `${format(run.routed)} routed, ${run.unroutable} unroutable, ${run.undecided} undecided; ` +
    `last decision ${Number.isFinite(run.backlogSeconds) ? `${run.backlogSeconds.toFixed(2)} s` : 'never'} after the last lead was due`
  );
}

/** Raw append and `SELECT 1` latency at the same rate, and the run's ratios to it. */
export function printLatencyBaseline(
  when: string,
  rate: number,
  raw: Latencies,
  run: RoutingRun,
): void {
  const ratio = (at: number) =>
    `${(p(run.latencies.toAllocation, at) / p(raw.appends, at)).toFixed(1)}×`;
  line(`raw ${when}: append at ${rate}/s`, describeLatencies(raw.appends));
  line(
    `  routing / raw append`,
    `p50 ${ratio(50)}, p95 ${ratio(95)}, p99 ${ratio(99)} (recorded → allocation appended)`,
  );
  const handling = (at: number) =>
    `${(p(run.latencies.handlingToAllocation, at) / p(raw.appends, at)).toFixed(1)}×`;
  line(
    `  handling alone / raw append`,
    `p50 ${handling(50)}, p95 ${handling(95)}, p99 ${handling(99)} (handler began → allocation appended)`,
  );
  line(`raw ${when}: SELECT 1 at ${rate}/s`, describeLatencies(raw.selects));
}

/** Raw rates with `concurrency` callers, and leads/s as a share of the appends/s. */
export function printRateBaseline(
  when: string,
  concurrency: number,
  raw: Rates,
  leadsPerSecond: number,
): void {
  line(
    `raw ${when}, ${concurrency} concurrent`,
    `${format(raw.appends)} appends/s (leads/appends ${percent(leadsPerSecond / raw.appends)}: ` +
      `a lead takes as long as ${format(raw.appends / leadsPerSecond)} appends), ` +
      `${format(raw.inserts)} INSERTs/s, ${format(raw.selects)} SELECT 1/s`,
  );
}

/** A rate as steps make them: whole numbers, or one decimal (12.5). */
export function describeRate(rate: number): string {
  return Number.isInteger(rate) ? format(rate) : rate.toFixed(1);
}

export function percent(ratio: number): string {
  return `${ratio < 0.1 ? (ratio * 100).toFixed(1) : Math.round(ratio * 100)}%`;
}
