import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { ActorType, CommandMetadata } from '../model/command-metadata';
import { assertOneOf } from './options';

const ACTOR_TYPES: readonly ActorType[] = ['operator', 'partner', 'system'];
// An instant, not a local time: events must order the same in every time zone.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Whether the text is a zoned ISO 8601 instant on a real calendar day. */
function isIsoInstant(text: string): boolean {
  const match = ISO_INSTANT.exec(text);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse rolls 30 February over into March; a round trip through UTC does not.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Refuses metadata without a known actor or a zoned ISO 8601 instant. */
export function assertValidMetadata(metadata: CommandMetadata): void {
  assertOneOf(metadata.actor.type, ACTOR_TYPES, 'metadata.actor.type');
  if (typeof metadata.actor.id !== 'string' || metadata.actor.id.trim().length === 0) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_METADATA,
      'the actor must have an id',
      'metadata.actor.id',
    );
  }
  const at = metadata.occurredAt;
  if (typeof at !== 'string' || !isIsoInstant(at)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_METADATA,
      'must be an ISO 8601 instant with a zone, e.g. 2026-03-01T09:00:00Z',
      'metadata.occurredAt',
    );
  }
}
