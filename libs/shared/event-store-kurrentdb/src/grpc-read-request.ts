import {
  BACKWARDS,
  END,
  type Filter,
  type ReadAllOptions,
  type ReadStreamOptions,
  START,
} from '@kurrent/kurrentdb-client';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ReadReq } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { createStreamIdentifier } from '@kurrent/kurrentdb-client/dist/utils/grpcStreamIdentifier';

/**
 * The gRPC `Streams.Read` request of a bounded read (a count, not a
 * subscription), built from the protocol's own message classes as installed
 * with the client. The official client sends reads through a second, native
 * connection (`@kurrent/bridge`) that cannot be closed; these requests go
 * through the same channel as appends and subscriptions instead.
 */
export function readStreamRequest(streamName: string, options: ReadStreamOptions): ReadReq {
  const stream = new ReadReq.Options.StreamOptions();
  stream.setStreamIdentifier(createStreamIdentifier(streamName));
  const from = options.fromRevision ?? START;
  if (from === START) {
    stream.setStart(new Empty());
  } else if (from === END) {
    stream.setEnd(new Empty());
  } else {
    stream.setRevision(from.toString(10));
  }
  const request = baseOptions(options.direction === BACKWARDS, options.maxCount);
  request.setStream(stream);
  request.setNoFilter(new Empty());
  return new ReadReq().setOptions(request);
}

/** A read of `$all` from a position (inclusive, as the server reads), filtered on the server. */
export function readAllRequest(options: ReadAllOptions): ReadReq {
  const all = new ReadReq.Options.AllOptions();
  const from = options.fromPosition ?? START;
  if (from === START) {
    all.setStart(new Empty());
  } else if (from === END) {
    all.setEnd(new Empty());
  } else {
    const position = new ReadReq.Options.Position();
    position.setCommitPosition(from.commit.toString(10));
    position.setPreparePosition(from.prepare.toString(10));
    all.setPosition(position);
  }
  const request = baseOptions(options.direction === BACKWARDS, options.maxCount);
  request.setAll(all);
  if (options.filter) {
    request.setFilter(filterOptions(options.filter));
  } else {
    request.setNoFilter(new Empty());
  }
  return new ReadReq().setOptions(request);
}

function baseOptions(backwards: boolean, maxCount: number | bigint | undefined): ReadReq.Options {
  const options = new ReadReq.Options();
  options.setReadDirection(
    backwards ? ReadReq.Options.ReadDirection.BACKWARDS : ReadReq.Options.ReadDirection.FORWARDS,
  );
  options.setResolveLinks(false);
  // "Everything" is the official client's default count too (the server takes it as a long).
  options.setCount(BigInt(maxCount ?? Number.MAX_SAFE_INTEGER).toString(10));
  const uuid = new ReadReq.Options.UUIDOption();
  uuid.setString(new Empty());
  options.setUuidOption(uuid);
  return options;
}

function filterOptions(filter: Filter): ReadReq.Options.FilterOptions {
  const expression = new ReadReq.Options.FilterOptions.Expression();
  if ('prefixes' in filter) {
    expression.setPrefixList(filter.prefixes);
  } else {
    expression.setRegex(filter.regex);
  }
  const options = new ReadReq.Options.FilterOptions();
  if (filter.filterOn === 'streamName') {
    options.setStreamIdentifier(expression);
  } else {
    options.setEventType(expression);
  }
  // No search window: the server reads on until `count` events matched or the log ends.
  options.setCount(new Empty());
  options.setCheckpointintervalmultiplier(1);
  return options;
}
