import { describeLatencies, format } from '../event-store/measure';
import type { Latencies, Rates } from '../leads-intake/baselines';
import { describeRate, line, p, percent } from '../routing/report';
import type { DeliveryRun } from './delivery-run';
import type { HopLatencies } from './kafka-hop';

/** Every span of a run, its fifths, counts and what the service was doing. */
export function printRun(run: DeliveryRun): void {
  const { latencies: l } = run;
  line('allocation published → request arrived', describeLatencies(l.toArrival));
  line('  → StartDelivery began (Kafka, consumer)', describeLatencies(l.toHandler));
  line('  began → attempt started (poll, worker)', describeLatencies(l.handlerToAttempt));
  line('  attempt started → request arrived', describeLatencies(l.attemptToArrival));
  line('request arrived → DeliverySucceeded on topic', describeLatencies(l.arrivalToOutcome));
  line('attempt as recorded (incl. the 50 ms)', describeLatencies(l.attemptMs));
  line('publish acknowledged (acks=all)', describeLatencies(l.publishAck));
  console.log('    allocations due in each fifth of the run: to arrival p50 / p99 (ms)');
  for (const w of run.windows) {
    line(
      `  ${w.from.toFixed(1)}-${w.to.toFixed(1)} s`,
      `${w.p50.toFixed(1)} / ${w.p99.toFixed(1)} (${format(w.count)})`,
    );
  }
  line('deliveries', describeCounts(run));
  line(
    'service',
    `at most ${run.maxInFlight} requests in flight at the partner, ${run.work.maxIdleInTransaction} of its connections ` +
      `idle in a transaction (${run.work.meanInTransaction.toFixed(1)} in one on average); attempts due at most ${format(run.work.maxDue)} (${format(run.work.dueNearLoadEnd)} in the load's last fifth); ` +
      `CPU ${run.cpuPerDelivery.toFixed(2)} ms/delivery`,
  );
}

export function describeCounts(run: DeliveryRun): string {
  return (
    `${format(run.published)} allocated (${format(run.achieved)}/s, ${run.publishErrors} errors), ` +
    `${format(run.succeeded)} succeeded (${describeRate(Math.round(run.completedPerSecond * 10) / 10)}/s), ` +
    `${run.otherOutcomes} otherwise, ${run.missing} missing, ${format(run.requests)} requests; last request ` +
    `${Number.isFinite(run.backlogSeconds) ? `${run.backlogSeconds.toFixed(2)} s` : 'never'} after the last allocation was due`
  );
}

/** Raw append and Kafka latency at the same rate, and the run's ratios to them. */
export function printLatencyBaseline(
  when: string,
  rate: number,
  raw: Latencies,
  hop: HopLatencies,
  run: DeliveryRun,
): void {
  const ratio = (values: readonly number[], at: number) =>
    `${(p(run.latencies.toArrival, at) / p(values, at)).toFixed(1)}×`;
  const ratios = (values: readonly number[]) =>
    `p50 ${ratio(values, 50)}, p95 ${ratio(values, 95)}, p99 ${ratio(values, 99)}`;
  line(`raw ${when}: append at ${rate}/s`, describeLatencies(raw.appends));
  line(`  delivery / raw append`, `${ratios(raw.appends)} (allocation → request arrived)`);
  line(
    `raw ${when}: Kafka produce → consume, ${rate}/s`,
    `${describeLatencies(hop.consumed)}${hop.lost > 0 ? ` (${hop.lost} lost)` : ''}`,
  );
  line(`  delivery / raw Kafka hop`, ratios(hop.consumed));
  line(
    `  → StartDelivery / raw Kafka hop`,
    `p50 ${(p(run.latencies.toHandler, 50) / p(hop.consumed, 50)).toFixed(1)}×, p99 ${(p(run.latencies.toHandler, 99) / p(hop.consumed, 99)).toFixed(1)}×`,
  );
}

/** Raw rates with `concurrency` callers, and deliveries/s as a share of the appends/s. */
export function printRateBaseline(
  when: string,
  concurrency: number,
  raw: Rates,
  deliveriesPerSecond: number,
): void {
  line(
    `raw ${when}, ${concurrency} concurrent`,
    `${format(raw.appends)} appends/s (deliveries/appends ${percent(deliveriesPerSecond / raw.appends)}: ` +
      `a delivery takes as long as ${format(raw.appends / deliveriesPerSecond)} appends), ` +
      `${format(raw.inserts)} INSERTs/s, ${format(raw.selects)} SELECT 1/s`,
  );
}

/** One step of the rate search on one line. */
export function printStep(run: DeliveryRun, failure: string | null, aimP99Ms: number): void {
  const p99 = p(run.latencies.toArrival, 99);
  const fifths = `p50 first fifth ${run.windows[0]!.p50.toFixed(0)}, last ${run.windows.at(-1)!.p50.toFixed(0)}`;
  console.log(
    `  ${`${describeRate(run.rate)}/s`.padEnd(7)} to arrival p50 ${p(run.latencies.toArrival, 50).toFixed(1)} / p99 ${p99.toFixed(1)} ms ` +
      `(${fifths}); ${describeCounts(run)}; in flight ≤ ${run.maxInFlight}, due ≤ ${run.work.maxDue}, ` +
      `in a transaction ${run.work.meanInTransaction.toFixed(1)} on average; CPU ${run.cpuPerDelivery.toFixed(2)} ms` +
      `${failure ? `: not kept up (${failure})` : p99 < aimP99Ms ? '' : `: kept up, p99 over ${aimP99Ms} ms`}`,
  );
}
