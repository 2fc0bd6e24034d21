import {
  AnyIntegrationEventDefinition,
  IntegrationEventDataOf,
  IntegrationEventOf,
} from './definition';
import {
  IntegrationEventRejection,
  IntegrationEventRejectionReason,
  validateIntegrationEvent,
} from './parse-integration-event';
import { IntegrationEventProblem } from './problems';
import { IntegrationEventRegistry } from './registry';

/** The envelope fields a producer supplies; time and ids come in, nothing here reads the clock. */
export interface IntegrationEventMeta {
  readonly eventId: string;
  /** A Date is written as ISO 8601 UTC; a string must already be one. */
  readonly occurredAt: Date | string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly source: string;
}

/** Thrown by `newIntegrationEvent` when the event it was asked to build breaks its own contract. */
export class IntegrationEventValidationError extends Error {
  readonly reason: IntegrationEventRejectionReason;
  readonly problems: readonly IntegrationEventProblem[];

  constructor(rejection: IntegrationEventRejection) {
    super(rejection.message);
    this.name = 'IntegrationEventValidationError';
    this.reason = rejection.reason;
    this.problems = rejection.problems;
  }
}

function isoOf(occurredAt: Date | string): string {
  if (typeof occurredAt === 'string') {
    return occurredAt;
  }
  // An invalid Date is left for validation to report rather than throwing a RangeError here.
  return Number.isNaN(occurredAt.getTime()) ? String(occurredAt) : occurredAt.toISOString();
}

/**
 * Builds an event of `definition` for publishing, validated against the same
 * contract consumers apply, so LeadRail never publishes what it would refuse.
 * Pure: ids and time are passed in. Serialise it with `JSON.stringify` and key
 * the message with `definition.key.of(event.data)`.
 *
 * @throws IntegrationEventValidationError listing every problem when the result is invalid.
 */
export function newIntegrationEvent<D extends AnyIntegrationEventDefinition>(
  definition: D,
  data: IntegrationEventDataOf<D>,
  meta: IntegrationEventMeta,
): IntegrationEventOf<D> {
  const plain = {
    eventId: meta.eventId,
    type: definition.type,
    version: definition.version,
    occurredAt: isoOf(meta.occurredAt),
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    source: meta.source,
    data,
  };
  const result = validateIntegrationEvent(plain, new IntegrationEventRegistry([definition]));
  if (!result.ok) {
    throw new IntegrationEventValidationError(result);
  }
  return result.event;
}
