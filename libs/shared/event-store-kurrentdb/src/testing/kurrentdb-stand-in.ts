import {
  type AddressInfo,
  type Server as NetServer,
  type Socket,
  connect,
  createServer,
} from 'node:net';
import type { AllStreamSubscription, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { BACKWARDS, FORWARDS } from '@kurrent/kurrentdb-client';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import {
  AllStreamPosition,
  Empty,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import {
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { errorType } from '../client-errors';
import { FakeKurrentDbClient } from './fake-kurrentdb-client';
import {
  type BatchAppendCall,
  GrpcStatus,
  type Interference,
  type ReadCall,
  filterOf,
  grpc,
  namedStatus,
  positionOf,
  revisionOf,
  streamNameOf,
  streamStateOf,
  toEventData,
  toReadResp,
  toServiceError,
  toStatus,
  uuidOf,
} from './stand-in-messages';

export { GrpcStatus, type Interference } from './stand-in-messages';

export interface KurrentDbStandIn {
  /** Connection string to it, through a TCP proxy that counts and can cut connections. */
  connectionString: string;
  /** The log behind it. */
  model: FakeKurrentDbClient;
  /** TCP connections accepted so far, and still open. */
  readonly connections: { accepted: number; open: number };
  /** Calls per gRPC method path, e.g. `/event_store.client.streams.Streams/Read`. */
  readonly calls: Map<string, number>;
  /** Interferes with the next read (stream or `$all`, not subscriptions), or the next append to `stream`. */
  interfere(operation: 'read' | 'append', interference: Interference, stream?: string): void;
  /** Ends every open subscription call with an error status, as a server shutting down does. */
  failSubscriptions(code?: number): void;
  /** Destroys every TCP connection, as a network failure does. */
  cutConnections(): void;
  stop(): Promise<void>;
}

/**
 * A gRPC server speaking as much of KurrentDB's protocol as the adapter uses
 * (server features, `Streams.Read` for reads and subscriptions,
 * `Streams.BatchAppend`), over the in-memory log of FakeKurrentDbClient. Not
 * the server's semantics beyond that fake's; it proves what only the real
 * client on a real connection shows: which connections are opened and
 * closed, how requests are built, how errors on the wire reach the adapter.
 */
export async function startKurrentDbStandIn(
  model = new FakeKurrentDbClient(),
): Promise<KurrentDbStandIn> {
  const interferences: { operation: 'read' | 'append'; stream?: string; what: Interference }[] = [];
  const subscriptions = new Set<ReadCall>();
  const calls = new Map<string, number>();
  const count = (path: string): void => {
    calls.set(path, (calls.get(path) ?? 0) + 1);
  };
  const take = (operation: 'read' | 'append', stream?: string): Interference | undefined => {
    const index = interferences.findIndex(
      (entry) =>
        entry.operation === operation && (entry.stream === undefined || entry.stream === stream),
    );
    return index < 0 ? undefined : interferences.splice(index, 1)[0]!.what;
  };

  const server = new grpc.Server();
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (
      _call: unknown,
      callback: (error: null, methods: SupportedMethods) => void,
    ) => {
      count('/event_store.client.server_features.ServerFeatures/GetSupportedMethods');
      const methods = new SupportedMethods();
      methods.setEventStoreServerVersion('25.0.0-stand-in');
      for (const name of ['Read', 'BatchAppend']) {
        const method = new SupportedMethod();
        method.setServiceName('event_store.client.streams.Streams');
        method.setMethodName(name);
        methods.addMethods(method);
      }
      callback(null, methods);
    },
  });
  server.addService(StreamsService, {
    read: (call: ReadCall) => {
      count('/event_store.client.streams.Streams/Read');
      const options = call.request.getOptions()!;
      if (options.hasSubscription()) {
        subscribe(call, options, model, subscriptions);
        return;
      }
      const streamName = options.hasStream()
        ? streamNameOf(options.getStream()!.getStreamIdentifier())
        : undefined;
      const interference = take('read', streamName);
      if (interference) {
        interfereWith(call, interference);
        return;
      }
      void readOnce(call, options, model);
    },
    batchAppend: (call: BatchAppendCall) => {
      count('/event_store.client.streams.Streams/BatchAppend');
      const pending = new Map<string, { options: BatchAppendReq.Options; events: EventData[] }>();
      call.on('data', (request: BatchAppendReq) => {
        const correlation = uuidOf(request.getCorrelationId());
        const options = request.getOptions();
        const entry = pending.get(correlation) ?? { options: options!, events: [] };
        pending.set(correlation, entry);
        entry.events.push(...request.getProposedMessagesList().map(toEventData));
        if (!request.getIsFinal()) {
          return;
        }
        pending.delete(correlation);
        const streamName = streamNameOf(entry.options.getStreamIdentifier());
        const interference = take('append', streamName);
        const reply = new BatchAppendResp();
        reply.setCorrelationId(request.getCorrelationId());
        reply.setStreamIdentifier(entry.options.getStreamIdentifier());
        if (interference === 'silence') {
          return;
        }
        if (interference && 'status' in interference) {
          call.write(reply.setError(namedStatus(interference.status)));
          return;
        }
        if (interference) {
          call.emit('error', toServiceError(interference));
          return;
        }
        model
          .appendToStream(streamName, entry.events, { streamState: streamStateOf(entry.options) })
          .then(
            (result) => {
              const success = new BatchAppendResp.Success();
              success.setCurrentRevision(result.nextExpectedRevision.toString());
              if (result.position) {
                const position = new AllStreamPosition();
                position.setCommitPosition(result.position.commit.toString());
                position.setPreparePosition(result.position.prepare.toString());
                success.setPosition(position);
              } else {
                success.setNoPosition(new Empty());
              }
              reply.setSuccess(success);
            },
            (error: unknown) => reply.setError(toStatus(error, streamName)),
          )
          .finally(() => call.write(reply));
      });
      call.on('end', () => call.end());
    },
  });
  const grpcPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    ),
  );

  const sockets = new Set<Socket>();
  const connections = { accepted: 0, open: 0 };
  const proxy: NetServer = createServer((client) => {
    connections.accepted++;
    connections.open++;
    const upstream = connect(grpcPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const done = (): void => {
      if (sockets.delete(client)) {
        connections.open--;
      }
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', done).on('error', done);
    upstream.on('close', done).on('error', done);
  });
  const proxyPort = await new Promise<number>((resolve) =>
    proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as AddressInfo).port)),
  );

  return {
    connectionString: `kurrentdb://127.0.0.1:${proxyPort}?tls=false`,
    model,
    connections,
    calls,
    interfere: (operation, what, stream) => interferences.push({ operation, stream, what }),
    failSubscriptions: (code = GrpcStatus.UNAVAILABLE) => {
      for (const call of subscriptions) {
        call.emit('error', { code, details: 'Server is shutting down' });
      }
    },
    cutConnections: () => {
      for (const socket of sockets) {
        socket.destroy();
      }
    },
    stop: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise((resolve) => proxy.close(resolve));
      server.forceShutdown();
    },
  };
}

function subscribe(
  call: ReadCall,
  options: ReadReq.Options,
  model: FakeKurrentDbClient,
  open: Set<ReadCall>,
): void {
  const source: AllStreamSubscription = model.subscribeToAll({
    fromPosition: positionOf(options.getAll()!),
    filter: filterOf(options),
  });
  open.add(call);
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId('stand-in');
  call.write(new ReadResp().setConfirmation(confirmation));
  source.on('data', (resolved: ResolvedEvent) => call.write(toReadResp(resolved)));
  const stop = (): void => {
    open.delete(call);
    void source.unsubscribe();
    source.destroy();
  };
  call.on('cancelled', stop);
  call.on('error', stop);
  call.on('finish', stop);
}

async function readOnce(
  call: ReadCall,
  options: ReadReq.Options,
  model: FakeKurrentDbClient,
): Promise<void> {
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const maxCount = BigInt(options.getCount());
  try {
    const events = options.hasStream()
      ? await model.readStream(streamNameOf(options.getStream()!.getStreamIdentifier()), {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: revisionOf(options.getStream()!),
          maxCount,
        })
      : await model.readAll({
          fromPosition: positionOf(options.getAll()!),
          maxCount,
          filter: filterOf(options),
        });
    for (const resolved of events) {
      call.write(toReadResp(resolved));
    }
    call.end();
  } catch (error) {
    const type = errorType(error);
    if (type === 'stream-not-found') {
      const notFound = new ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(options.getStream()!.getStreamIdentifier());
      call.write(new ReadResp().setStreamNotFound(notFound));
      call.end();
    } else if (type === 'stream-deleted') {
      interfereWith(call, {
        code: GrpcStatus.FAILED_PRECONDITION,
        details: 'stream deleted',
        exception: 'stream-deleted',
        streamName: streamNameOf(options.getStream()?.getStreamIdentifier()),
      });
    } else {
      interfereWith(call, { code: GrpcStatus.UNKNOWN, details: String(error) });
    }
  }
}

function interfereWith(call: ReadCall, what: Interference): void {
  if (what === 'silence') {
    return;
  }
  call.emit(
    'error',
    'status' in what ? { code: GrpcStatus.UNKNOWN, details: what.status } : toServiceError(what),
  );
}
