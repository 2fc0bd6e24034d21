import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendStreamState,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { CallTimedOutError } from './client-errors';
import type { Guard } from './event-id-claims';
import type { KurrentDbClient } from './kurrentdb-client';
import { isStreamNotFound } from './stream-state';

/**
 * The client's calls as the adapter makes them: each bounded in time (a call
 * the client never settles counts as timed out, after `timeoutMs`), appends
 * and the reads that decide them sent to the leader, absent streams read as
 * empty.
 */
export class ClientCalls {
  constructor(
    readonly client: KurrentDbClient,
    private readonly timeoutMs: number,
  ) {}

  /** Runs one client call, giving up after timeoutMs: no caller waits forever. */
  readonly guard: Guard = <T>(what: string, call: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const running = call();
    // Settling after the deadline is nobody's business any more.
    running.catch(() => undefined);
    return Promise.race([
      running,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new CallTimedOutError(what, this.timeoutMs)),
          this.timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  };

  /** A stream's events as the client returns them; an absent stream reads as none. */
  async readStream(streamName: string, options: ReadStreamOptions): Promise<ResolvedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) {
      return [];
    }
    try {
      return await this.guard(`read ${streamName}`, () =>
        this.client.readStream(streamName, options),
      );
    } catch (error) {
      if (isStreamNotFound(error)) {
        return [];
      }
      throw error;
    }
  }

  readAll(options: ReadAllOptions): Promise<AllStreamResolvedEvent[]> {
    return this.guard('read $all', () => this.client.readAll(options));
  }

  append(
    streamName: string,
    events: EventData[],
    streamState: AppendStreamState,
  ): Promise<AppendResult> {
    return this.guard(`append to ${streamName}`, () =>
      this.client.appendToStream(streamName, events, { streamState, requiresLeader: true }),
    );
  }
}

/** Exponential backoff with jitter: half the doubled delay, plus up to as much again. */
export function backoffDelay(
  attempt: number,
  delay: { initialMs: number; maxMs: number },
  random: () => number,
): number {
  const base = Math.min(delay.maxMs, delay.initialMs * 2 ** Math.min(attempt - 1, 30));
  return base / 2 + (base / 2) * random();
}
