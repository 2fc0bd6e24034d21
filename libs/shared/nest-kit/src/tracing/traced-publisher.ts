import type { MessagePublisher, OutboundMessage } from '@leadrail/messaging';
import { ROOT_CONTEXT, type Span, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { LeadRailAttributes, MessagingAttributes } from './messaging-attributes';
import { recordFailure } from './span-status';
import { extractTrace, injectTrace, withoutTrace } from './trace-context';
import type { Tracing } from './tracing';

/**
 * The relay's publisher with a producer span per relayed event: a child of the
 * context the event was appended under (the relay puts `metadata.trace` in the
 * message's `traceparent`/`tracestate` headers), and sent on in those headers
 * in its place, so a consumer's span is the relay span's child. With tracing
 * off, the publisher itself.
 */
export function tracePublisher(publisher: MessagePublisher, tracing: Tracing): MessagePublisher {
  const tracer = tracing.tracer;
  return tracer ? new TracedPublisher(publisher, tracer) : publisher;
}

class TracedPublisher implements MessagePublisher {
  constructor(
    private readonly publisher: MessagePublisher,
    private readonly tracer: Tracer,
  ) {}

  close(): Promise<void> {
    return this.publisher.close?.() ?? Promise.resolve();
  }

  async publish(messages: readonly OutboundMessage[]): Promise<void> {
    const spans = messages.map((message) => this.startSpan(message));
    try {
      await this.publisher.publish(
        messages.map((message, index) => ({
          ...message,
          headers: {
            ...withoutTrace(message.headers),
            ...injectTrace(trace.setSpan(ROOT_CONTEXT, spans[index]!)),
          },
        })),
      );
    } catch (error) {
      for (const span of spans) {
        recordFailure(span, error);
      }
      throw error;
    } finally {
      for (const span of spans) {
        span.end();
      }
    }
  }

  private startSpan(message: OutboundMessage): Span {
    const eventType = message.headers?.['leadrail-event-type'];
    const eventId = message.headers?.['leadrail-event-id'];
    return this.tracer.startSpan(
      `send ${message.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          [MessagingAttributes.system]: 'kafka',
          [MessagingAttributes.destination]: message.topic,
          [MessagingAttributes.operationType]: 'send',
          [MessagingAttributes.operationName]: 'send',
          [MessagingAttributes.kafkaKey]: message.key,
          ...(eventId === undefined ? {} : { [MessagingAttributes.messageId]: eventId }),
          ...(eventType === undefined ? {} : { [LeadRailAttributes.eventType]: eventType }),
        },
      },
      extractTrace(message.headers),
    );
  }
}
