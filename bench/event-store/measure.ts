import { performance } from 'node:perf_hooks';

export interface Run {
  events: number;
  seconds: number;
  /** CPU time this process used meanwhile, in microseconds. */
  cpuMicros?: number;
}

/** `writers` loops calling `step` until `seconds` have passed; each step returns the events it wrote. */
export async function runFor(
  seconds: number,
  writers: number,
  step: (writer: number, index: number) => Promise<number>,
): Promise<Run> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; performance.now() < deadline; index++) {
        // Not `events += await …`: that reads `events` before awaiting, losing other writers' counts.
        const written = await step(writer, index);
        events += written;
      }
    }),
  );
  return { events, seconds: (performance.now() - started) / 1000 };
}

/** Times `work`, which reports how many events it handled. */
export async function timed(work: () => Promise<number>): Promise<Run> {
  const started = performance.now();
  const events = await work();
  return { events, seconds: (performance.now() - started) / 1000 };
}

export interface Comparison {
  label: string;
  perSecond: number;
  rawPerSecond: number;
  ratio: number;
}

/**
 * The store and the raw baseline in alternating rounds (which goes first
 * alternates too), so that whatever else the machine is doing falls on both;
 * each side's figure is its events over its time in all rounds. Also prints
 * the range of the per-round ratios, and this process's CPU time per event
 * on each side (the client's share of the work).
 */
export async function compare(
  label: string,
  rounds: number,
  store: (round: number) => Promise<Run>,
  raw: (round: number) => Promise<Run>,
): Promise<Comparison> {
  const mine: Run[] = [];
  const theirs: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      mine.push(await withCpu(() => store(round)));
      theirs.push(await withCpu(() => raw(round)));
    } else {
      theirs.push(await withCpu(() => raw(round)));
      mine.push(await withCpu(() => store(round)));
    }
  }
  const sum = (runs: Run[], field: (run: Run) => number): number =>
    runs.reduce((total, run) => total + field(run), 0);
  const rate = (runs: Run[]): number =>
    sum(runs, (run) => run.events) / sum(runs, (run) => run.seconds);
  const cpu = (runs: Run[]): string =>
    (sum(runs, (run) => run.cpuMicros ?? 0) / sum(runs, (run) => run.events)).toFixed(1);
  const perSecond = rate(mine);
  const rawPerSecond = rate(theirs);
  const ratios = mine.map((run, i) => rate([run]) / rate([theirs[i]!]));
  const ratio = perSecond / rawPerSecond;
  const spread =
    rounds > 1 ? `; rounds ${percent(Math.min(...ratios))}-${percent(Math.max(...ratios))}` : '';
  console.log(
    `${label.padEnd(48)} ${format(perSecond).padStart(8)} events/s (raw ${format(rawPerSecond)}/s, ratio ${percent(ratio)}${spread}; client ${cpu(mine)}/${cpu(theirs)} µs/event)`,
  );
  return { label, perSecond, rawPerSecond, ratio };
}

async function withCpu(run: () => Promise<Run>): Promise<Run> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return { ...result, cpuMicros: used.user + used.system };
}

/**
 * An open model: `fire(i)` is started at `rate` per second for `seconds`,
 * whether or not earlier ones have finished, and given the time it was due
 * (performance.now()); resolves when all have finished.
 */
export async function openModel(
  rate: number,
  seconds: number,
  fire: (index: number, scheduledAt: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && started + (next * 1000) / rate <= now) {
      pending.push(fire(next, started + (next * 1000) / rate));
      next++;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function describeLatencies(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (value: number): string => value.toFixed(1);
  return `p50 ${ms(percentile(sorted, 50))} / p95 ${ms(percentile(sorted, 95))} / p99 ${ms(percentile(sorted, 99))} / max ${ms(sorted.at(-1) ?? Number.NaN)} ms`;
}

export function format(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** Runs `count` async tasks, `concurrency` at a time. */
export async function inParallel(
  concurrency: number,
  count: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
