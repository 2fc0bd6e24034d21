import { performance } from 'node:perf_hooks';

export interface Throughput {
  label: string;
  events: number;
  seconds: number;
  perSecond: number;
}

/** Runs `work`, which reports how many events it handled, and times it. */
export async function throughput(label: string, work: () => Promise<number>): Promise<Throughput> {
  const started = performance.now();
  const events = await work();
  const seconds = (performance.now() - started) / 1000;
  const result = { label, events, seconds, perSecond: Math.round(events / seconds) };
  console.log(
    `${label.padEnd(52)} ${String(events).padStart(9)} events ${seconds.toFixed(2).padStart(7)} s ${String(result.perSecond).padStart(9)} events/s`,
  );
  return result;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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
