import type { EventSubscription, RecordedEvent } from '@leadrail/event-store';
import type { AppendNotifications } from './append-notifications';
import type { GlobalLogPage } from './global-log-page';

/**
 * After a read that found nothing new, the next one comes after FIRST_RETRY_MS,
 * doubling up to POLL_INTERVAL_MS, and any wake-up starts over from the first:
 * an append that woke it may still be behind the visibility horizon (an older
 * transaction is still running, and nothing tells when it ends), and appends
 * nobody notifies about (SQL from outside the store, a lost notification) are
 * found within POLL_INTERVAL_MS.
 */
const FIRST_RETRY_MS = 2;
const POLL_INTERVAL_MS = 250;

/**
 * Historic events page by page, then live ones as appends are notified (by
 * the store itself, or by other processes' stores through LISTEN/NOTIFY).
 *
 * A failed read (PostgreSQL restarting, a dropped connection) ends the
 * subscription with that error rather than being retried here: the reader
 * knows what it has durably applied and resumes from there (ProjectionRunner
 * does, with backoff). A lost LISTEN connection is not an error: reads go on
 * at the polling interval while it reconnects.
 */
export class PostgresSubscription implements EventSubscription {
  private closed = false;
  private wake?: () => void;
  private woken = false;
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly readPage: (after: bigint) => Promise<GlobalLogPage>,
    private readonly notifications: AppendNotifications,
    private readonly after: bigint,
  ) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async unsubscribe(): Promise<void> {
    this.closed = true;
    this.signal();
    await this.iterator.return(undefined);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const stopListening = await this.notifications.add(() => this.signal());
    try {
      let after = this.after;
      let wait = FIRST_RETRY_MS;
      while (!this.closed) {
        // A notification during the read must not be lost: clear first, read, then wait.
        this.woken = false;
        const page = await this.readPage(after);
        for (const event of page.events) {
          yield event;
        }
        // Past what was scanned, matching or not: filtered-out rows are not read again.
        after = page.scannedTo ?? after;
        if (page.scannedTo !== undefined) {
          wait = FIRST_RETRY_MS;
        } else if (!this.closed) {
          const woken = await this.sleepUntilWoken(wait);
          wait = woken ? FIRST_RETRY_MS : Math.min(POLL_INTERVAL_MS, wait * 2);
        }
      }
    } finally {
      stopListening();
    }
  }

  private signal(): void {
    this.woken = true;
    this.wake?.();
  }

  /** Resolves true when woken, false when `ms` passed first. */
  private sleepUntilWoken(ms: number): Promise<boolean> {
    if (this.woken) {
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const done = (woken: boolean): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(woken);
      };
      const timer = setTimeout(() => done(false), ms);
      this.wake = () => done(true);
    });
  }
}
