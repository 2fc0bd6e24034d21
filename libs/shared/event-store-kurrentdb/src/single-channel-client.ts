import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type BaseOptions,
  type EventData,
  KurrentDBClient,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  StreamNotFoundError,
  type SubscribeToAllOptions,
  convertToCommandError,
} from '@kurrent/kurrentdb-client';
import { StreamsClient } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import type {
  ReadReq,
  ReadResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { convertGrpcEvent } from '@kurrent/kurrentdb-client/dist/utils/convertGrpcEvent';
import { readAllRequest, readStreamRequest } from './grpc-read-request';
import type { KurrentDbClient } from './kurrentdb-client';

/** The gRPC types, as the generated client declares them (grpc-js is the client's own dependency). */
type ReadCall = ReturnType<StreamsClient['read']>;
type ReadArguments = Parameters<StreamsClient['read']>;
type CallArguments = [NonNullable<ReadArguments[1]>, NonNullable<ReadArguments[2]>];
interface Channel {
  close(): void;
}

/**
 * The protected members of the official client (1.x) this class relies on:
 * they run a call on the client's one gRPC channel, reconnecting it on
 * failure, exactly as the client's own appends and subscriptions do.
 */
interface ClientInternals {
  execute<T>(
    client: typeof StreamsClient,
    debugName: string,
    action: (client: StreamsClient) => Promise<T>,
  ): Promise<T>;
  callArguments(options: BaseOptions): CallArguments;
  getChannel(): Promise<Channel>;
}

/** How long close() waits for the client to end its calls before closing the channel anyway. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * The official client with every call on one gRPC connection, and a close()
 * that closes it.
 *
 * The client (1.3) answers `readStream` and `readAll` through a native
 * second client (`@kurrent/bridge`), configured separately from the
 * connection string, which opens its own connection on first use and has no
 * way to close it; and its `dispose()` cancels streaming calls but leaves the
 * channel open. Here reads are sent as gRPC `Streams.Read` requests over the
 * client's own channel (the same calls the client makes for subscriptions),
 * and close() ends every call, disposes the client and closes that channel.
 */
export class SingleChannelClient implements KurrentDbClient {
  private readonly internals: ClientInternals;
  private readonly reads = new Set<ReadCall>();
  /** Whether any call was made, i.e. whether the client may hold an open channel. */
  private used = false;
  private closing?: Promise<void>;

  constructor(private readonly client: KurrentDBClient) {
    this.internals = internalsOf(client);
  }

  /** E.g. `kurrentdb://localhost:2113?tls=false`. Nothing connects until the first call. */
  static connect(connectionString: string): SingleChannelClient {
    return new SingleChannelClient(KurrentDBClient.connectionString(connectionString));
  }

  appendToStream(
    streamName: string,
    events: EventData[],
    options: AppendToStreamOptions,
  ): Promise<AppendResult> {
    this.use();
    return this.client.appendToStream(streamName, events, options);
  }

  async readStream(streamName: string, options: ReadStreamOptions): Promise<ResolvedEvent[]> {
    const read = await this.read(readStreamRequest(streamName, options), options.requiresLeader);
    if (read.notFound) {
      throw new StreamNotFoundError(undefined, streamName);
    }
    return read.events;
  }

  async readAll(options: ReadAllOptions): Promise<AllStreamResolvedEvent[]> {
    return (await this.read(readAllRequest(options), options.requiresLeader))
      .events as AllStreamResolvedEvent[];
  }

  subscribeToAll(options: SubscribeToAllOptions): AllStreamSubscription {
    this.use();
    return this.client.subscribeToAll(options);
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    for (const call of this.reads) {
      call.cancel();
    }
    // Cancels the client's streaming calls: subscriptions and the batch-append stream.
    await withTimeout(this.client.dispose(), CLOSE_TIMEOUT_MS).catch(() => undefined);
    if (this.used) {
      // The channel the client uses now (it replaces, and closes, a failed one itself).
      const channel = await withTimeout(this.internals.getChannel(), CLOSE_TIMEOUT_MS).catch(
        () => undefined,
      );
      channel?.close();
    }
  }

  private use(): void {
    if (this.closing) {
      throw new Error('the KurrentDB client is closed');
    }
    this.used = true;
  }

  private read(
    request: ReadReq,
    requiresLeader = false,
  ): Promise<{ events: ResolvedEvent[]; notFound: boolean }> {
    this.use();
    return this.internals.execute(
      StreamsClient,
      'read',
      (grpc) =>
        new Promise((resolve, reject) => {
          const events: ResolvedEvent[] = [];
          let notFound = false;
          const call = grpc.read(request, ...this.internals.callArguments({ requiresLeader }));
          this.reads.add(call);
          call.on('data', (response: ReadResp) => {
            const event = response.getEvent();
            if (event) {
              events.push(convertGrpcEvent(event));
            } else if (response.hasStreamNotFound()) {
              notFound = true;
            }
          });
          call.on('error', (error: Error) => {
            this.reads.delete(call);
            reject(convertToCommandError(error));
          });
          call.on('end', () => {
            this.reads.delete(call);
            resolve({ events, notFound });
          });
        }),
    );
  }
}

/** Fails at once, naming the reason, if the installed client no longer has what this class uses. */
function internalsOf(client: KurrentDBClient): ClientInternals {
  const internals = client as unknown as Partial<ClientInternals>;
  for (const member of ['execute', 'callArguments', 'getChannel'] as const) {
    if (typeof internals[member] !== 'function') {
      throw new Error(
        `@kurrent/kurrentdb-client no longer has ${member}(): SingleChannelClient was written against 1.3 and must be updated`,
      );
    }
  }
  return internals as ClientInternals;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
