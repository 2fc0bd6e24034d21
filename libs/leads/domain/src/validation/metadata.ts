import { isUtcTimestamp } from '@leadrail/integration-events';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadActorType, LeadCommandMetadata } from '../model/command-metadata';

const ACTOR_TYPES: readonly string[] = [
  'operator',
  'partner',
  'introducer',
  'system',
] satisfies readonly LeadActorType[];

function invalid(message: string, field: string): LeadError {
  return new LeadError(LeadErrorCode.INVALID_METADATA, message, field);
}

/** Refuses metadata without a known actor with an id, or without a UTC instant. */
export function assertValidMetadata(metadata: LeadCommandMetadata): void {
  if (!ACTOR_TYPES.includes(metadata.actor.type)) {
    throw invalid(`must be one of ${ACTOR_TYPES.join(', ')}`, 'metadata.actor.type');
  }
  if (typeof metadata.actor.id !== 'string' || metadata.actor.id.trim().length === 0) {
    throw invalid('the actor must have an id', 'metadata.actor.id');
  }
  if (!isUtcTimestamp(metadata.occurredAt)) {
    throw invalid(
      'must be an ISO 8601 UTC timestamp ending in Z, e.g. 2026-11-25T09:00:00Z',
      'metadata.occurredAt',
    );
  }
}
