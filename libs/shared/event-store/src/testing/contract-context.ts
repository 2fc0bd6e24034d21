import type { AppendResult, EventStore } from '../event-store';
import type { NewEvent } from '../recorded-event';
import type { EventStoreContractSetup } from './event-store-contract';

/** A contract test: skipped, with the reason in its name, when `unavailable` says why. */
export type ContractTest = (
  name: string,
  body: () => Promise<void>,
  timeoutMs?: number,
  unavailable?: string,
) => void;

/** What the parts of the contract suite share. */
export interface ContractContext {
  setup: EventStoreContractSetup;
  test: ContractTest;
  /** The store the suite created (valid inside tests and their hooks). */
  store: () => EventStore;
}

/** Rejects when `promise` has not settled after `ms`: an adapter must never leave a caller hanging. */
export function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function describeResult(result: AppendResult): string {
  return `${result.nextExpectedRevision}@${result.position}`;
}

/** Appends, retrying while the log is coming back after a disruption (same ids: safe). */
export async function appendWithRetries(
  store: EventStore,
  stream: string,
  events: NewEvent[],
): Promise<AppendResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.appendToStream(stream, events);
    } catch (error) {
      if (attempt >= 20) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
