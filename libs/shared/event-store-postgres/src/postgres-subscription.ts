import type { EventSubscription, RecordedEvent } from '@leadrail/event-store';
import type { AppendNotifications } from './append-notifications';
import type { GlobalLogPage } from './global-log-page';

/**
 * Fallback wake-up: a notification can arrive while an older transaction still
 * holds the visibility horizon back, and nothing notifies when it ends.
 */
const POLL_INTERVAL_MS = 250;

/**
 * Historic events page by page, then live ones as appends are notified.
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
      while (!this.closed) {
        // A notification during the read must not be lost: clear first, read, then wait.
        this.woken = false;
        const page = await this.readPage(after);
        for (const event of page.events) {
          yield event;
        }
        // Past what was scanned, matching or not: filtered-out rows are not read again.
        after = page.scannedTo ?? after;
        if (page.scannedTo === undefined && !this.closed) {
          await this.sleepUntilWoken();
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

  private sleepUntilWoken(): Promise<void> {
    if (this.woken) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, POLL_INTERVAL_MS);
      this.wake = done;
    });
  }
}
