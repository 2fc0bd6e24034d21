import type { EventStore, EventSubscription, RecordedEvent } from '@leadrail/event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { Batcher } from './batches';
import { BEGINNING, CheckpointStore } from './checkpoint-store';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** The read model's schema; its checkpoint table lives there too. */
  schema: string;
  /** Most events applied in one transaction during catch-up; default 500. */
  batchSize?: number;
  /**
   * Retries of a failing batch before the projection stops. Default: none (a
   * read model bug must be seen); a relay retries while Kafka is away.
   */
  retry?: { attempts: number; initialDelayMs: number; maxDelayMs: number };
}

type Waiter = { position: bigint; resolve: () => void; reject: (error: unknown) => void };

/**
 * Keeps one projection up to date: a catch-up subscription from its checkpoint,
 * each batch applied and checkpointed in one transaction, so a crash between
 * the two can neither lose nor double-apply an event. A failing event stops
 * the projection (it is never skipped): `failure` says why.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private subscription?: EventSubscription;
  private running?: Promise<void>;
  private applied = BEGINNING;
  private readonly waiters = new Set<Waiter>();
  private lastFailure?: Error;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.checkpoints = new CheckpointStore(options.schema);
  }

  /** The position of the last event applied. */
  get position(): bigint {
    return this.applied;
  }

  get failure(): Error | undefined {
    return this.lastFailure;
  }

  async start(): Promise<void> {
    if (this.running && this.lastFailure === undefined) {
      return;
    }
    await this.checkpoints.ensureTable(this.dataSource);
    this.lastFailure = undefined;
    // Known before start() returns, so waitFor() right after it is exact.
    this.applied = await this.checkpoints.read(this.dataSource.manager, this.projection.name);
    this.running = this.run().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.stopping = true;
    await this.subscription?.unsubscribe();
    await running;
    this.running = undefined;
    this.stopping = false;
  }

  /** Empties the read model and replays the whole log into it. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.checkpoints.ensureTable(this.dataSource);
    await this.dataSource.transaction(async (manager) => {
      await this.checkpoints.lock(manager, this.projection.name);
      await this.projection.reset(manager);
      await this.checkpoints.write(manager, this.projection.name, BEGINNING);
    });
    await this.start();
  }

  /** Resolves once every event up to `position` is applied (rejects if the projection fails). */
  waitFor(position: bigint): Promise<void> {
    if (this.applied >= position) {
      return Promise.resolve();
    }
    if (this.lastFailure) {
      return Promise.reject(
        this.lastFailure instanceof Error ? this.lastFailure : new Error(String(this.lastFailure)),
      );
    }
    return new Promise((resolve, reject) => this.waiters.add({ position, resolve, reject }));
  }

  private async run(): Promise<void> {
    // Each pass subscribes from the stored checkpoint; another runner moving it ends the pass.
    for (let pass = 0; ; pass++) {
      if (pass > 0) {
        this.applied = await this.checkpoints.read(this.dataSource.manager, this.projection.name);
      }
      this.subscription = this.store.subscribeToAll({
        after: this.applied === BEGINNING ? undefined : this.applied,
        filter: this.projection.filter,
      });
      const batches = new Batcher(
        this.subscription[Symbol.asyncIterator](),
        this.options.batchSize ?? 500,
      );
      let moved = false;
      for (let batch = await batches.next(); batch; batch = await batches.next()) {
        if (!(await this.applyBatch(batch))) {
          moved = true;
          await this.subscription.unsubscribe();
          break;
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  private async applyBatch(batch: RecordedEvent[]): Promise<boolean> {
    const last = batch.at(-1)!.position;
    const applied = await this.withRetries(() =>
      this.dataSource.transaction(async (manager) => {
        const checkpoint = await this.checkpoints.lock(manager, this.projection.name);
        if (checkpoint !== this.applied) {
          return false;
        }
        if (this.projection.applyBatch) {
          await this.projection.applyBatch(batch, manager);
        } else {
          for (const event of batch) {
            await this.projection.apply(event, manager);
          }
        }
        await this.checkpoints.write(manager, this.projection.name, last);
        return true;
      }),
    );
    if (applied) {
      this.applied = last;
      for (const waiter of this.waiters) {
        if (waiter.position <= last) {
          this.waiters.delete(waiter);
          waiter.resolve();
        }
      }
    }
    return applied;
  }

  private async withRetries<T>(work: () => Promise<T>): Promise<T> {
    const retry = this.options.retry ?? { attempts: 1, initialDelayMs: 0, maxDelayMs: 0 };
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= retry.attempts || this.stopping) {
          throw error;
        }
        await sleep(Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1)));
      }
    }
  }

  private async fail(error: unknown): Promise<void> {
    const failure =
      error instanceof Error
        ? error
        : new Error(`projection ${this.projection.name} failed: ${String(error)}`);
    this.lastFailure = failure;
    for (const waiter of this.waiters) {
      waiter.reject(failure);
    }
    this.waiters.clear();
    await this.subscription?.unsubscribe().catch(() => undefined);
  }
}
