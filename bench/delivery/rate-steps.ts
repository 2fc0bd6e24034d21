import { p } from '../routing/report';
import type { DeliveryRun } from './delivery-run';

export interface StepOptions {
  from: number;
  by: number;
  max: number;
  aimP99Ms: number;
  /** A step is kept up with when its last request arrives within this share of its length after its last allocation. */
  maxBacklog: number;
  /** Runs one step at `rate` (and prints it). */
  step: (rate: number) => Promise<DeliveryRun>;
}

export interface StepSearch {
  steps: DeliveryRun[];
  /** The highest rate kept up with, 0 for none. */
  sustained: number;
  /** The highest rate kept up with at p99 under the aim, 0 for none. */
  underAim: number;
}

/** Why a run was not kept up with, or null when it was. */
export function whyNotKeptUp(run: DeliveryRun, maxBacklog: number): string | null {
  if (run.publishErrors > 0) {
    return `${run.publishErrors} publish errors`;
  }
  if (run.missing > 0 || run.otherOutcomes > 0) {
    return `${run.missing} without an outcome, ${run.otherOutcomes} not succeeded`;
  }
  if (run.achieved < run.rate * 0.95) {
    return `published ${run.achieved.toFixed(1)}/s`;
  }
  if (run.backlogSeconds > run.seconds * maxBacklog) {
    return `last request ${run.backlogSeconds.toFixed(1)} s after the last allocation`;
  }
  return null;
}

/**
 * Steps from `from` up by `by` while kept up with, then one step halfway
 * between the last kept up with and the first not; while no step meets the
 * aim, steps at half and a quarter of the first; when the aim is met below a
 * kept-up step that misses it, one step halfway between them.
 */
export async function searchRates(options: StepOptions): Promise<StepSearch> {
  const steps: DeliveryRun[] = [];
  const step = async (rate: number): Promise<DeliveryRun> => {
    const run = await options.step(rate);
    steps.push(run);
    return run;
  };
  const kept = (run: DeliveryRun) => whyNotKeptUp(run, options.maxBacklog) === null;
  const underAim = (run: DeliveryRun) =>
    kept(run) && p(run.latencies.toArrival, 99) < options.aimP99Ms;
  const best = (accept: (run: DeliveryRun) => boolean) =>
    steps.filter(accept).reduce((max, run) => Math.max(max, run.rate), 0);

  let sustained = 0;
  let failed = 0;
  for (let rate = options.from; rate <= options.max; rate += options.by) {
    if (kept(await step(rate))) {
      sustained = rate;
    } else {
      failed = rate;
      break;
    }
  }
  if (sustained > 0 && failed > 0 && kept(await step((sustained + failed) / 2))) {
    sustained = (sustained + failed) / 2;
  }
  for (let rate = options.from / 2; best(underAim) === 0 && rate >= options.from / 4; rate /= 2) {
    await step(rate);
  }
  const aimRate = best(underAim);
  const missedAbove = [...steps]
    .sort((a, b) => a.rate - b.rate)
    .find((run) => run.rate > aimRate && !underAim(run))?.rate;
  if (aimRate > 0 && missedAbove !== undefined && missedAbove - aimRate >= options.by) {
    await step((aimRate + missedAbove) / 2);
  }
  return { steps, sustained, underAim: best(underAim) };
}
