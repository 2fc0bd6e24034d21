import type { InboundMessage } from '@leadrail/messaging';
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { LeadRailAttributes, MessagingAttributes } from './messaging-attributes';
import { recordFailure } from './span-status';
import { extractTrace } from './trace-context';

/** How a consumed message ended, as the inbound-events metric counts it. */
export interface ConsumedLabel {
  outcome: string;
  /** Worth an error status: dead-lettered, or a handler kept failing. */
  failed: boolean;
}

/**
 * Runs the consumption of one message in a consumer span, the child of the
 * span named by its `traceparent`/`tracestate` headers (the relay's), so the
 * handlers' own work (their appends) continues the trace.
 */
export function withConsumerSpan<Outcome>(
  tracer: Tracer,
  message: InboundMessage,
  consumerGroup: string,
  consume: () => Promise<Outcome>,
  label: (outcome: Outcome) => ConsumedLabel,
): Promise<Outcome> {
  const eventType = message.headers['leadrail-event-type'];
  const eventId = message.headers['leadrail-event-id'];
  return tracer.startActiveSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        [MessagingAttributes.system]: 'kafka',
        [MessagingAttributes.destination]: message.topic,
        [MessagingAttributes.operationType]: 'process',
        [MessagingAttributes.operationName]: 'process',
        [MessagingAttributes.partition]: String(message.partition),
        [MessagingAttributes.kafkaOffset]: Number(message.offset),
        [MessagingAttributes.consumerGroup]: consumerGroup,
        ...(message.key === null ? {} : { [MessagingAttributes.kafkaKey]: message.key }),
        ...(eventId === undefined ? {} : { [MessagingAttributes.messageId]: eventId }),
        ...(eventType === undefined ? {} : { [LeadRailAttributes.eventType]: eventType }),
      },
    },
    extractTrace(message.headers),
    async (span) => {
      try {
        const outcome = await consume();
        const { outcome: name, failed } = label(outcome);
        span.setAttribute(LeadRailAttributes.outcome, name);
        if (failed) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: name });
        }
        return outcome;
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
