import { createRequire } from 'node:module';
import {
  ANY,
  type AppendStreamState,
  END,
  type EventData,
  type Filter,
  NO_STREAM,
  type ReadPosition,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type { IStreamsServer } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import {
  Empty,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  StreamIdentifier,
  UUID,
  WrongExpectedVersion,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import {
  BatchAppendReq,
  ReadReq,
  ReadResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { errorType } from '../client-errors';

/**
 * grpc-js and google-protobuf as the client itself loads them: its generated
 * service definitions and messages are made for those copies (they are the
 * client's dependencies, not LeadRail's). Typed here as far as the stand-in
 * uses them.
 */
const fromClient = createRequire(require.resolve('@kurrent/kurrentdb-client'));

export interface GrpcServer {
  addService(service: unknown, implementation: object): void;
  bindAsync(
    address: string,
    credentials: unknown,
    callback: (error: Error | null, port: number) => void,
  ): void;
  forceShutdown(): void;
}

export const grpc = fromClient('@grpc/grpc-js') as {
  Server: new () => GrpcServer;
  ServerCredentials: { createInsecure(): unknown };
  Metadata: new () => { set(key: string, value: string): void };
};

type AnyMessage = NonNullable<ReturnType<Status['getDetails']>>;
const AnyMessage = (
  fromClient('google-protobuf/google/protobuf/any_pb') as { Any: new () => AnyMessage }
).Any;

/** The gRPC status codes the stand-in uses. */
export const GrpcStatus = {
  UNKNOWN: 2,
  DEADLINE_EXCEEDED: 4,
  FAILED_PRECONDITION: 9,
  UNAVAILABLE: 14,
} as const;

/** A server-streaming Read call and a BatchAppend call, as the generated service declares them. */
export type ReadCall = Parameters<IStreamsServer['read']>[0];
export type BatchAppendCall = Parameters<IStreamsServer['batchAppend']>[0];

/** What ends a call with an error status (grpc-js reads these fields of an 'error' event). */
export interface ServiceErrorLike {
  code: number;
  details: string;
  metadata?: unknown;
}

/** What the stand-in does with one call instead of answering it normally. */
export type Interference =
  /** The call fails with this gRPC status, and `exception` metadata as the server sends it. */
  | { code: number; details: string; exception?: string; streamName?: string }
  /** No answer at all: a write the server dropped. */
  | 'silence'
  /**
   * (Appends) the BatchAppend status the server sends under that name
   * (Status.cs), with details of that type; "Server Is Busy" as for a
   * server that did not handle the write (details: Empty).
   */
  | { status: 'Timeout' | 'BadRequest' | 'MaximumAppendEventSizeExceeded' | 'Server Is Busy' };

export function toServiceError(
  what: Exclude<Interference, 'silence' | { status: string }>,
): ServiceErrorLike {
  const metadata = new grpc.Metadata();
  if (what.exception) {
    metadata.set('exception', what.exception);
  }
  if (what.streamName) {
    metadata.set('stream-name', what.streamName);
  }
  return { code: what.code, details: what.details, metadata };
}

/** The statuses BatchAppend answers with (the server's Status.cs), for the fake's errors. */
export function toStatus(error: unknown, streamName: string): Status {
  const result = new Status();
  const pack = (message: { serializeBinary(): Uint8Array }, name: string): void => {
    const any = new AnyMessage();
    any.pack(message.serializeBinary(), name);
    result.setDetails(any);
  };
  switch (errorType(error) ?? 'none') {
    case 'wrong-expected-version': {
      const { actualState } = error as { actualState: bigint | string };
      const details = new WrongExpectedVersion();
      if (typeof actualState === 'bigint') {
        details.setCurrentStreamRevision(actualState.toString());
      } else {
        details.setCurrentNoStream(new Empty());
      }
      pack(details, 'event_store.client.WrongExpectedVersion');
      result.setCode(6);
      result.setMessage('WrongExpectedVersion');
      break;
    }
    case 'stream-deleted': {
      const details = new StreamDeleted();
      details.setStreamIdentifier(identifierOf(streamName));
      pack(details, 'event_store.client.StreamDeleted');
      result.setCode(5);
      result.setMessage('StreamDeleted');
      break;
    }
    case 'maximum-append-size-exceeded': {
      const details = new MaximumAppendSizeExceeded();
      details.setMaxappendsize((error as { maxAppendSize: number }).maxAppendSize);
      pack(details, 'event_store.client.MaximumAppendSizeExceeded');
      result.setCode(3);
      result.setMessage('MaximumAppendSizeExceeded');
      break;
    }
    case 'deadline-exceeded':
      return namedStatus('Timeout');
    default:
      return namedStatus('Unknown');
  }
  return result;
}

/** A status as Status.cs makes it: its message the name, its details a message of that type. */
export function namedStatus(name: string): Status {
  const codes: Record<string, number> = {
    Timeout: 4,
    BadRequest: 3,
    MaximumAppendEventSizeExceeded: 3,
    Unknown: 2,
  };
  const result = new Status();
  result.setCode(codes[name] ?? 2);
  result.setMessage(name);
  const any = new AnyMessage();
  // The client reads only the details' type name (and, for known types, their fields).
  any.pack(
    new Uint8Array(),
    /^[A-Za-z]+$/.test(name) ? `event_store.client.${name}` : 'google.protobuf.Empty',
  );
  result.setDetails(any);
  return result;
}

export function toReadResp(resolved: ResolvedEvent): ReadResp {
  const event = resolved.event!;
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(event.id);
  recorded.setId(id);
  recorded.setStreamIdentifier(identifierOf(event.streamId));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position!.commit.toString());
  recorded.setPreparePosition(event.position!.prepare.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', 'application/json');
  // .NET ticks (100 ns) since the Unix epoch, as the server sends them.
  recorded.getMetadataMap().set('created', (BigInt(event.created.getTime()) * 10_000n).toString());
  recorded.setData(Buffer.from(JSON.stringify(event.data)));
  if (event.metadata !== undefined) {
    recorded.setCustomMetadata(Buffer.from(JSON.stringify(event.metadata)));
  }
  const read = new ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.position!.commit.toString());
  return new ReadResp().setEvent(read);
}

export function toEventData(message: BatchAppendReq.ProposedMessage): EventData {
  const metadata = message.getCustomMetadata_asU8();
  return {
    id: uuidOf(message.getId()),
    type: message.getMetadataMap().get('type') ?? '',
    contentType: 'application/json',
    data: JSON.parse(Buffer.from(message.getData_asU8()).toString('utf8')) as never,
    metadata: metadata.length
      ? (JSON.parse(Buffer.from(metadata).toString('utf8')) as never)
      : undefined,
  };
}

export function streamStateOf(options: BatchAppendReq.Options): AppendStreamState {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return NO_STREAM;
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return STREAM_EXISTS;
    case BatchAppendReq.Options.ExpectedStreamPositionCase.ANY:
    case BatchAppendReq.Options.ExpectedStreamPositionCase.EXPECTED_STREAM_POSITION_NOT_SET:
      return ANY;
  }
}

export function revisionOf(
  options: ReadReq.Options.StreamOptions,
): bigint | typeof START | typeof END {
  if (options.hasRevision()) {
    return BigInt(options.getRevision());
  }
  return options.hasEnd() ? END : START;
}

export function positionOf(options: ReadReq.Options.AllOptions): ReadPosition {
  const position = options.getPosition();
  if (position) {
    return {
      commit: BigInt(position.getCommitPosition()),
      prepare: BigInt(position.getPreparePosition()),
    };
  }
  return options.hasEnd() ? END : START;
}

export function filterOf(options: ReadReq.Options): Filter | undefined {
  const filter = options.getFilter();
  if (!filter) {
    return undefined;
  }
  const expression = filter.getStreamIdentifier() ?? filter.getEventType()!;
  const byStream = filter.hasStreamIdentifier();
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) {
    return byStream ? streamNameFilter({ prefixes }) : eventTypeFilter({ prefixes });
  }
  const regex = expression.getRegex();
  return byStream ? streamNameFilter({ regex }) : eventTypeFilter({ regex });
}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? []).toString('utf8');
}

export function identifierOf(streamName: string): StreamIdentifier {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(streamName, 'utf8'));
  return identifier;
}

export function uuidOf(uuid: UUID | undefined): string {
  if (!uuid) {
    return '';
  }
  if (uuid.hasString()) {
    return uuid.getString();
  }
  const hex = (bits: string): string =>
    (BigInt(bits) & ((1n << 64n) - 1n)).toString(16).padStart(16, '0');
  const structured = uuid.getStructured()!;
  const ms = hex(structured.getMostSignificantBits());
  const ls = hex(structured.getLeastSignificantBits());
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
}
