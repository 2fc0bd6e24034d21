import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/**
 * What the adapter needs of KurrentDB: the official client's calls, with
 * reads answered as whole pages. `SingleChannelClient` provides it over one
 * gRPC connection; `FakeKurrentDbClient` (testing) over an in-memory log.
 */
export interface KurrentDbClient {
  /** As the official client: rejects with its error classes (WrongExpectedVersionError, …). */
  appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult>;

  /** A stream's events; rejects with the client's StreamNotFoundError when it does not exist. */
  readStream(streamName: string, options: ReadStreamOptions): Promise<ResolvedEvent[]>;

  /** Events of `$all` from a position (inclusive), as the server reads them. */
  readAll(options: ReadAllOptions): Promise<AllStreamResolvedEvent[]>;

  /** A catch-up subscription to `$all` after a position (exclusive). */
  subscribeToAll(options: SubscribeToAllOptions): AllStreamSubscription;

  /** Ends every call and closes the connection; safe to call again. */
  close(): Promise<void>;
}
