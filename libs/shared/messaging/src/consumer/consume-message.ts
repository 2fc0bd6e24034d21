import type { EntityManager } from 'typeorm';
import type { DeadLetterSink } from '../dead-letters/dead-letter';
import { Inbox } from '../inbox/inbox';
import type { IntegrationEventHandler } from './event-handler';
import type { DecodeResult, DecodedEvent, InboundMessage } from './inbound-message';
import { type RetryPolicy, retryDelay } from './retry-policy';

export interface ConsumerDependencies<Event extends DecodedEvent> {
  decode(message: InboundMessage): DecodeResult<Event>;
  handlers: readonly IntegrationEventHandler<Event>[];
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  deadLetters: DeadLetterSink;
  retry: RetryPolicy;
  consumerGroup: string;
  sleep(ms: number): Promise<void>;
  clock(): Date;
}

/** What happened to one message, per handler where it got that far. */
export type ConsumeOutcome =
  | { kind: 'dead-lettered'; reason: string; error: string }
  | { kind: 'ignored'; reason: string }
  | { kind: 'consumed'; eventId: string; applied: string[]; skipped: string[]; failed: string[] };

/**
 * Consumes one message: decode it against its contract, then run each
 * interested handler once (inbox claim and effect in one transaction), with
 * bounded retries. A message that cannot be decoded, or whose handler keeps
 * failing, becomes a dead letter so that the partition moves on; the caller
 * commits the offset only after this returns.
 */
export async function consumeMessage<Event extends DecodedEvent>(
  message: InboundMessage,
  deps: ConsumerDependencies<Event>,
): Promise<ConsumeOutcome> {
  const decoded = deps.decode(message);
  if (!decoded.ok && decoded.ignored) {
    return { kind: 'ignored', reason: decoded.message };
  }
  if (!decoded.ok) {
    await deadLetter(message, decoded.reason, decoded.message, deps);
    return { kind: 'dead-lettered', reason: decoded.reason, error: decoded.message };
  }
  const event = decoded.event;
  const interested = deps.handlers.filter((candidate) => candidate.eventTypes.includes(event.type));
  if (interested.length === 0) {
    // A well-formed event this service has no use for (another consumer's): skipped, not a dead letter.
    return { kind: 'ignored', reason: `no handler for ${event.type}` };
  }
  const outcome = {
    kind: 'consumed' as const,
    eventId: event.eventId,
    applied: [] as string[],
    skipped: [] as string[],
    failed: [] as string[],
  };
  const errors: string[] = [];
  for (const handler of interested) {
    const result = await applyWithRetries(handler, event, message, deps);
    if (result === true) {
      outcome.applied.push(handler.name);
    } else if (result === false) {
      outcome.skipped.push(handler.name);
    } else {
      outcome.failed.push(handler.name);
      errors.push(`${handler.name}: ${result.message}`);
    }
  }
  if (errors.length > 0) {
    // Handlers that succeeded are in the inbox: a replay re-runs only the failed ones.
    await deadLetter(message, 'processing-failed', errors.join('; '), deps);
  }
  return outcome;
}

/** true: applied now; false: already applied before; Error: gave up. */
async function applyWithRetries<Event extends DecodedEvent>(
  handler: IntegrationEventHandler<Event>,
  event: Event,
  message: InboundMessage,
  deps: ConsumerDependencies<Event>,
): Promise<boolean | Error> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.transaction(async (manager) => {
        if (!(await Inbox.claim(manager, handler.name, event.eventId, message))) {
          return false;
        }
        await handler.handle(event, manager);
        return true;
      });
    } catch (error) {
      if (attempt >= deps.retry.attempts) {
        return error instanceof Error ? error : new Error(String(error));
      }
      await deps.sleep(retryDelay(deps.retry, attempt));
    }
  }
}

async function deadLetter<Event extends DecodedEvent>(
  message: InboundMessage,
  reason: string,
  error: string,
  deps: ConsumerDependencies<Event>,
): Promise<void> {
  await deps.deadLetters.send({
    message,
    reason,
    error,
    failedAt: deps.clock(),
    consumerGroup: deps.consumerGroup,
  });
}
