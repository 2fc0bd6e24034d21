import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '@leadrail/event-store';
import { SpanKind, type Tracer, context } from '@opentelemetry/api';
import { LeadRailAttributes } from './messaging-attributes';
import { recordFailure } from './span-status';
import { type TraceCarrier, injectTrace } from './trace-context';
import type { Tracing } from './tracing';

/**
 * The service's event store with a span around each append, whose context is
 * recorded in every appended event's metadata (`metadata.trace`): the relay
 * continues the trace from there, however much later it publishes the event.
 * With tracing off, the store itself.
 */
export function traceEventStore(store: EventStore, tracing: Tracing): EventStore {
  return tracing.tracer ? new TracedEventStore(store, tracing.tracer) : store;
}

class TracedEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly tracer: Tracer,
  ) {}

  appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const attributes = {
      [LeadRailAttributes.stream]: streamName,
      [LeadRailAttributes.eventCount]: events.length,
      [LeadRailAttributes.eventTypes]: events.map((event) => String(event.type)),
      ...(options?.expectedRevision === undefined
        ? {}
        : { [LeadRailAttributes.expectedRevision]: String(options.expectedRevision) }),
    };
    return this.tracer.startActiveSpan(
      `append ${streamCategory(streamName)}`,
      { kind: SpanKind.INTERNAL, attributes },
      async (span) => {
        try {
          const trace = injectTrace(context.active());
          const result = await this.store.appendToStream(
            streamName,
            events.map((event) => withTrace(event, trace)),
            options,
          );
          span.setAttribute(LeadRailAttributes.position, result.position.toString());
          return result;
        } catch (error) {
          recordFailure(span, error);
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.store.readStream(streamName, options);
  }

  streamRevision(streamName: string): Promise<bigint | undefined> {
    return this.store.streamRevision(streamName);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.store.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.store.subscribeToAll(options);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/**
 * The event with the append's trace context in its metadata. Metadata that is
 * not a plain object is left as it is, for the store to refuse as it would.
 */
function withTrace(event: NewEvent, trace: Partial<TraceCarrier>): NewEvent {
  const metadata: unknown = event.metadata;
  if (
    trace.traceparent === undefined ||
    typeof metadata !== 'object' ||
    metadata === null ||
    !isPlainObject(metadata)
  ) {
    return event;
  }
  return { ...event, metadata: { ...event.metadata, trace } };
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `partner` of `partner-<id>`: span names stay few, the stream is an attribute. */
function streamCategory(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash > 0 ? streamName.slice(0, dash) : streamName;
}
