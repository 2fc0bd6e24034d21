import { describeLatencies, format } from '../event-store/measure';
import type { Latencies, Rates } from '../leads-intake/baselines';
import type { HopLatencies } from '../delivery/kafka-hop';
import { line, p, percent } from '../routing/report';
import type { ChargeRun } from './charge-run';
import type { KafkaBurst } from './kafka-burst';
import type { Pass } from './rebuild';

/** A run's charges, rate and latencies, split where the service's tables allow. */
export function printRun(run: ChargeRun): void {
  const { latencies: l } = run;
  line(
    'charges recorded',
    `${format(run.charged)} of ${format(run.leads)} in ${run.seconds.toFixed(2)} s: ` +
      `${format(run.chargesPerSecond)} charges/s (first publish → last PartnerCharged recorded)` +
      `${run.missing > 0 ? `; ${format(run.missing)} never charged` : ''}`,
  );
  line('LeadDelivered published → PartnerCharged', describeLatencies(l.toCharge));
  line('  → charging handler began (later event)', describeLatencies(l.toHandler));
  line('  handler began → PartnerCharged recorded', describeLatencies(l.handling));
  line(
    'publish acknowledged (acks=all)',
    `${describeLatencies(l.publishAck)}; all published ${run.publishSeconds.toFixed(2)} s after the first send`,
  );
  line(
    'per charge',
    `billing CPU ${run.cpuPerCharge.toFixed(2)} ms (its process, all threads); database ` +
      `${run.commitsPerCharge.toFixed(1)} transactions committed, ${run.rollbacksPerCharge.toFixed(2)} rolled back`,
  );
}

/** Raw appends with `concurrency` callers, and charges/s as a share of them. */
export function printRateBaseline(
  when: string,
  concurrency: number,
  raw: Rates,
  chargesPerSecond: number,
): void {
  line(
    `raw ${when}, ${concurrency} concurrent`,
    `${format(raw.appends)} appends/s (charges/appends ${percent(chargesPerSecond / raw.appends)}: ` +
      `a charge takes as long as ${(raw.appends / chargesPerSecond).toFixed(1)} appends), ` +
      `${format(raw.inserts)} INSERTs/s, ${format(raw.selects)} SELECT 1/s`,
  );
}

/** The broker alone with the same burst, and charges/s as a share of the sales/s it carries. */
export function printKafkaBaseline(when: string, raw: KafkaBurst, chargesPerSecond: number): void {
  const sales = raw.consumed / 2;
  line(
    `raw ${when}: Kafka, the same burst alone`,
    `${format(raw.produced)} messages/s produced, ${format(raw.consumed)}/s produced → consumed ` +
      `(${format(sales)} sales/s; charges/Kafka ${percent(chargesPerSecond / sales)})` +
      `${raw.lost > 0 ? `, ${raw.lost} lost` : ''}`,
  );
}

/** Raw append and Kafka latency at the steady rate, and the run's ratios to them. */
export function printLatencyBaseline(
  when: string,
  rate: number,
  raw: Latencies,
  hop: HopLatencies,
  run: ChargeRun,
): void {
  const ratio = (of: readonly number[], to: readonly number[], at: number) =>
    `${(p(of, at) / p(to, at)).toFixed(1)}×`;
  const l = run.latencies;
  line(`raw ${when}: append at ${rate}/s`, describeLatencies(raw.appends));
  line(
    '  charge / raw append',
    `p50 ${ratio(l.toCharge, raw.appends, 50)}, p99 ${ratio(l.toCharge, raw.appends, 99)}; ` +
      `handler alone p50 ${ratio(l.handling, raw.appends, 50)}, p99 ${ratio(l.handling, raw.appends, 99)}`,
  );
  line(
    `raw ${when}: Kafka produce → consume, ${rate}/s`,
    `${describeLatencies(hop.consumed)}${hop.lost > 0 ? ` (${hop.lost} lost)` : ''}`,
  );
  line(
    '  → handler began / raw Kafka hop',
    `p50 ${ratio(l.toHandler, hop.consumed, 50)}, p99 ${ratio(l.toHandler, hop.consumed, 99)}`,
  );
}

/** Passes over the log summed: events/s and seconds per million events. */
export function rateOf(passes: readonly Pass[]): { perSecond: number; perMillion: number } {
  const events = passes.reduce((sum, pass) => sum + pass.events, 0);
  const seconds = passes.reduce((sum, pass) => sum + pass.seconds, 0);
  return { perSecond: events / seconds, perMillion: (seconds / events) * 1_000_000 };
}

/** One way of reading or rebuilding, beside what lies under it (`under`: its name and passes). */
export function printPass(
  label: string,
  passes: readonly Pass[],
  under?: [string, readonly Pass[]],
): void {
  const rate = rateOf(passes);
  const beside = under
    ? ` (${percent(rate.perSecond / rateOf(under[1]).perSecond)} of ${under[0]})`
    : '';
  line(
    label,
    `${format(rate.perSecond)} events/s = ${rate.perMillion.toFixed(1)} s per million events${beside}`,
  );
}
