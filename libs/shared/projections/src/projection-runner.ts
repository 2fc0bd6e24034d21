import type { EventStore, EventSubscription, RecordedEvent } from '@leadrail/event-store';
import type { DataSource } from 'typeorm';
import { type BackoffPolicy, InterruptibleSleep, backoffDelay } from './backoff';
import { Batcher } from './batches';
import { BEGINNING, CheckpointStore } from './checkpoint-store';
import type { Projection } from './projection';
import { ProjectionFailure, describeEvent, failedEvent } from './projection-failure';
import { type ProjectionLogger, stderrProjectionLogger } from './projection-logger';
import type { ProjectionState, ProjectionStatus } from './projection-status';
import { describeError, isTransientError } from './transient-errors';

export interface ProjectionRunnerOptions {
  /** The read model's schema; its checkpoint table lives there too. */
  schema: string;
  /** Most events applied in one transaction during catch-up; default 500. */
  batchSize?: number;
  /**
   * Attempts at a batch that fails with the projection's own error (not a
   * transient one) before the projection stops. Default 3 (a read model bug
   * must be seen); a relay retries while Kafka is away.
   */
  retry?: BackoffPolicy & { attempts: number };
  /**
   * Backoff of resuming from the checkpoint after a transient failure (the
   * log or the database unreachable), retried for as long as it takes.
   * Default 250 ms doubling up to 10 s.
   */
  resume?: BackoffPolicy;
  /** Default: warnings and errors to stderr. */
  logger?: ProjectionLogger;
}

const DEFAULT_RETRY = { attempts: 3, initialDelayMs: 200, maxDelayMs: 2_000 };
const DEFAULT_RESUME: BackoffPolicy = { initialDelayMs: 250, maxDelayMs: 10_000 };
/**
 * A resumed subscription that has not failed for this long (or has applied a
 * batch) has recovered: the incident is over, and the next one backs off from
 * the shortest delay again.
 */
const RECOVERED_AFTER_MS = 2_000;

type Waiter = { position: bigint; resolve: () => void; reject: (error: unknown) => void };
type Stage = 'read' | 'apply';

/** A pass ended by a transient failure (or by stop()): resume from the checkpoint. */
class Interruption extends Error {
  constructor(
    readonly stage: Stage,
    override readonly cause: unknown,
  ) {
    super(describeError(cause));
  }
}

/**
 * Keeps one projection up to date: a catch-up subscription from its checkpoint,
 * each batch applied and checkpointed in one transaction, so a crash between
 * the two can neither lose nor double-apply an event.
 *
 * Transient failures (a read of the log failing, a dropped subscription, the
 * database restarting under a batch) end the pass: the runner resumes from the
 * stored checkpoint with backoff and jitter, indefinitely. Only an event the
 * projection cannot apply stops it, after `retry.attempts`: it is never
 * skipped, and `failure` says which event and why.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private readonly logger: ProjectionLogger;
  private readonly pause = new InterruptibleSleep();
  private readonly waiters = new Set<Waiter>();
  private readonly retries = { read: 0, apply: 0 };
  private subscription?: EventSubscription;
  private running?: Promise<void>;
  private applied = BEGINNING;
  private lastFailure?: ProjectionFailure;
  private stopping = false;
  private state: ProjectionState = 'idle';
  private retrying?: { since: Date; attempts: number; cause: string };
  private resumeAttempts = 0;
  private recoveryTimer?: NodeJS.Timeout;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.checkpoints = new CheckpointStore(options.schema);
    this.logger = options.logger ?? stderrProjectionLogger;
  }

  /** The position of the last event applied. */
  get position(): bigint {
    return this.applied;
  }

  /** Why the projection stopped, naming the event; undefined while it runs. */
  get failure(): ProjectionFailure | undefined {
    return this.lastFailure;
  }

  status(): ProjectionStatus {
    return {
      name: this.projection.name,
      state: this.state,
      position: this.applied,
      retrying: this.retrying && { ...this.retrying },
      failure: this.lastFailure,
      retries: { ...this.retries },
    };
  }

  /** Starts following the log; after a failure, starts again from the checkpoint. */
  async start(): Promise<void> {
    if (this.running && this.lastFailure === undefined) {
      return;
    }
    await this.checkpoints.ensureTable(this.dataSource);
    this.lastFailure = undefined;
    // Known before start() returns, so waitFor() right after it is exact.
    this.applied = await this.checkpoints.read(this.dataSource.manager, this.projection.name);
    this.state = 'running';
    this.retrying = undefined;
    this.resumeAttempts = 0;
    this.running = this.run().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.stopping = true;
    this.pause.interrupt();
    await this.subscription?.unsubscribe().catch(() => undefined);
    await running;
    this.running = undefined;
    this.stopping = false;
    this.pause.reset();
    if (this.state !== 'stopped') {
      this.state = 'idle';
      this.retrying = undefined;
    }
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

  /** Resolves once every event up to `position` is applied (rejects if the projection stops). */
  waitFor(position: bigint): Promise<void> {
    if (this.applied >= position) {
      return Promise.resolve();
    }
    if (this.lastFailure) {
      return Promise.reject(this.lastFailure);
    }
    return new Promise((resolve, reject) => this.waiters.add({ position, resolve, reject }));
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        // Returns when another runner moved the checkpoint: resubscribe from it at once.
        await this.pass();
      } catch (error) {
        if (!(error instanceof Interruption)) {
          throw error;
        }
        if (this.stopping) {
          return;
        }
        await this.backOff(error);
      }
    }
  }

  /** One subscription from the stored checkpoint, until the checkpoint moves or a failure ends it. */
  private async pass(): Promise<void> {
    try {
      this.applied = await this.checkpoints.read(this.dataSource.manager, this.projection.name);
    } catch (error) {
      throw new Interruption('read', error);
    }
    const subscription = this.store.subscribeToAll({
      after: this.applied === BEGINNING ? undefined : this.applied,
      filter: this.projection.filter,
    });
    this.subscription = subscription;
    const batches = new Batcher(
      subscription[Symbol.asyncIterator](),
      this.options.batchSize ?? 500,
    );
    if (this.retrying) {
      this.recoveryTimer = setTimeout(() => this.recovered(), RECOVERED_AFTER_MS).unref();
    }
    try {
      while (!this.stopping) {
        let batch: RecordedEvent[] | undefined;
        try {
          batch = await batches.next();
        } catch (error) {
          throw new Interruption('read', error);
        }
        if (!batch) {
          // Ended by stop(), or by the store (closed, connection lost without an error).
          throw new Interruption('read', new Error('the subscription ended'));
        }
        if (!(await this.applyBatch(batch))) {
          return;
        }
      }
    } finally {
      clearTimeout(this.recoveryTimer);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  /** False when another runner moved the checkpoint first: the batch is not applied. */
  private async applyBatch(batch: RecordedEvent[]): Promise<boolean> {
    const policy = this.options.retry ?? DEFAULT_RETRY;
    const last = batch.at(-1)!.position;
    for (let attempt = 1; ; attempt++) {
      const progress: { event?: RecordedEvent } = {};
      try {
        const applied = await this.dataSource.transaction(async (manager) => {
          const checkpoint = await this.checkpoints.lock(manager, this.projection.name);
          if (checkpoint !== this.applied) {
            return false;
          }
          if (this.projection.applyBatch) {
            progress.event = batch[0];
            await this.projection.applyBatch(batch, manager);
          } else {
            for (const event of batch) {
              progress.event = event;
              await this.projection.apply(event, manager);
            }
          }
          progress.event = undefined;
          await this.checkpoints.write(manager, this.projection.name, last);
          return true;
        });
        if (applied) {
          this.advance(last);
        }
        return applied;
      } catch (error) {
        if (this.stopping || isTransientError(error)) {
          throw new Interruption('apply', error);
        }
        const event = progress.event && failedEvent(progress.event);
        if (attempt >= policy.attempts) {
          throw new ProjectionFailure(this.projection.name, event, attempt, error);
        }
        const delay = backoffDelay(attempt, policy);
        const what = event ? describeEvent(event) : `the events up to position ${last}`;
        const of = Number.isFinite(policy.attempts) ? ` of ${policy.attempts}` : '';
        this.noteRetry('apply', attempt, error);
        this.logger.warn(
          `projection ${this.projection.name}: applying ${what} failed (attempt ${attempt}${of}), retrying in ${delay} ms: ${describeError(error)}`,
        );
        await this.pause.sleep(delay);
        if (this.stopping) {
          throw new Interruption('apply', error);
        }
      }
    }
  }

  private async backOff(interruption: Interruption): Promise<void> {
    this.resumeAttempts += 1;
    const delay = backoffDelay(this.resumeAttempts, this.options.resume ?? DEFAULT_RESUME);
    this.noteRetry(interruption.stage, this.resumeAttempts, interruption.cause);
    const what = interruption.stage === 'read' ? 'reading the log' : 'applying events';
    this.logger.warn(
      `projection ${this.projection.name}: ${what} failed (attempt ${this.resumeAttempts}), resuming from position ${this.applied} in ${delay} ms: ${interruption.message}`,
    );
    // The pass's own `finally` unsubscribes; a stop() that came meanwhile skips the wait.
    if (!this.stopping) {
      await this.pause.sleep(delay);
    }
  }

  private noteRetry(stage: Stage, attempts: number, cause: unknown): void {
    // Failing again is no recovery, however long the pass has lasted.
    clearTimeout(this.recoveryTimer);
    this.retries[stage] += 1;
    this.state = 'retrying';
    this.retrying = {
      since: this.retrying?.since ?? new Date(),
      attempts,
      cause: describeError(cause),
    };
  }

  /** Following the log again after failures (a batch applied, or a resumed pass held): say so once. */
  private recovered(): void {
    if (this.retrying) {
      this.logger.log(
        `projection ${this.projection.name}: resumed at position ${this.applied} after ${this.retrying.attempts} failed attempt(s)`,
      );
    }
    this.resumeAttempts = 0;
    this.state = 'running';
    this.retrying = undefined;
  }

  private advance(last: bigint): void {
    this.applied = last;
    this.recovered();
    for (const waiter of this.waiters) {
      if (waiter.position <= last) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async fail(error: unknown): Promise<void> {
    const failure =
      error instanceof ProjectionFailure
        ? error
        : new ProjectionFailure(this.projection.name, undefined, 1, error);
    this.lastFailure = failure;
    this.state = 'stopped';
    this.retrying = undefined;
    this.logger.error(failure.message, failure.stack);
    for (const waiter of this.waiters) {
      waiter.reject(failure);
    }
    this.waiters.clear();
    await this.subscription?.unsubscribe().catch(() => undefined);
  }
}
