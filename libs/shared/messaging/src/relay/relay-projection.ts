import type { EventFilter, RecordedEvent } from '@leadrail/event-store';
import type { Projection } from '@leadrail/projections';
import type { MessagePublisher, OutboundMessage } from './outbound-message';
import { traceHeaders } from './trace-headers';

export interface RelayRoute {
  /** Names the relay's checkpoint: one relay per route. */
  name: string;
  /** The service's own streams, e.g. `{ streamNamePrefixes: ['partner-'] }`. */
  filter: EventFilter;
  /** The integration message for a recorded event; undefined keeps it internal. */
  toMessage(event: RecordedEvent): OutboundMessage | undefined;
}

/**
 * Events leave a service through its log, never from request handlers (no dual
 * writes): a checkpointed subscription publishes each event of the service's
 * streams, then records the checkpoint. A crash in between republishes the
 * batch (at-least-once; consumers de-duplicate by event id) and skips nothing.
 */
export class RelayProjection implements Projection {
  readonly name: string;
  readonly filter: EventFilter;

  constructor(
    private readonly route: RelayRoute,
    private readonly publisher: MessagePublisher,
  ) {
    this.name = `relay:${route.name}`;
    this.filter = route.filter;
  }

  async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    await this.publisher.publish(events.flatMap((event) => this.messageFor(event) ?? []));
  }

  async apply(event: RecordedEvent): Promise<void> {
    await this.applyBatch([event]);
  }

  /** The route's message, carrying the trace context the event was appended under (if any). */
  private messageFor(event: RecordedEvent): OutboundMessage | undefined {
    const message = this.route.toMessage(event);
    const trace = traceHeaders(event.metadata);
    if (!message || Object.keys(trace).length === 0) {
      return message;
    }
    return { ...message, headers: { ...trace, ...message.headers } };
  }

  /** Nothing to empty: rebuilding a relay republishes the log, which consumers absorb. */
  async reset(): Promise<void> {}
}
