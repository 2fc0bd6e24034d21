import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryDatabase, ServiceSample } from './delivery-database';

/** What the samples of a run show. */
export interface SampledWork {
  /** The most attempts due at once (waiting for a worker, or being made). */
  maxDue: number;
  /** The most attempts due at once in the last fifth of the load: what it was leaving behind. */
  dueNearLoadEnd: number;
  /** The most of the service's connections idle inside a transaction at once. */
  maxIdleInTransaction: number;
  /** The service's connections inside a transaction, on average while the load ran. */
  meanInTransaction: number;
  samples: number;
}

/**
 * Samples the service's schedule and connections every `intervalMs` while a
 * run goes on (one light query on a connection of the benchmark's own).
 */
export class ServiceSampler {
  private readonly samples: ServiceSample[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly db: DeliveryDatabase,
    private readonly intervalMs: number,
  ) {
    this.loop = this.run();
  }

  static start(db: DeliveryDatabase, intervalMs: number): ServiceSampler {
    return new ServiceSampler(db, intervalMs);
  }

  /** Stops sampling; the load ran from `loadStart` to `loadEnd` (wall clock, ms: the first and last allocation due). */
  async stop(loadStart: number, loadEnd: number): Promise<SampledWork> {
    this.running = false;
    await this.loop;
    const lastFifth = loadEnd - (loadEnd - loadStart) / 5;
    const nearEnd = this.samples.filter((sample) => sample.at >= lastFifth && sample.at <= loadEnd);
    const during = this.samples.filter((sample) => sample.at >= loadStart && sample.at <= loadEnd);
    return {
      maxDue: Math.max(0, ...this.samples.map((sample) => sample.due)),
      dueNearLoadEnd: Math.max(0, ...nearEnd.map((sample) => sample.due)),
      maxIdleInTransaction: Math.max(0, ...this.samples.map((sample) => sample.idleInTransaction)),
      meanInTransaction:
        during.reduce((sum, sample) => sum + sample.inTransaction, 0) / Math.max(1, during.length),
      samples: this.samples.length,
    };
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        this.samples.push(await this.db.sample());
      } catch {
        // A missed sample is only a gap.
      }
      await sleep(this.intervalMs);
    }
  }
}
