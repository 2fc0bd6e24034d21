import {
  type Filter,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type { EventFilter, RecordedEvent } from '@leadrail/event-store';

/** Whether an event passes a global-log filter (both parts, when both are given). */
export function matchesFilter(
  event: Pick<RecordedEvent, 'streamName' | 'type'>,
  filter: EventFilter | undefined,
): boolean {
  const prefixes = filter?.streamNamePrefixes;
  const types = filter?.eventTypes;
  return (
    (!prefixes?.length || prefixes.some((prefix) => event.streamName.startsWith(prefix))) &&
    (!types?.length || types.includes(event.type))
  );
}

/**
 * The server filters `$all` on one property only, stream name or event type.
 * Stream prefixes are preferred (they usually select far fewer events); the
 * adapter applies the whole filter again on what arrives, so either choice is
 * only an optimisation. Without a filter, the server drops system events.
 */
export function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamNamePrefixes?.length) {
    return streamNameFilter({ prefixes: [...filter.streamNamePrefixes] });
  }
  if (filter?.eventTypes?.length) {
    // Event-type prefixes would also match longer names; an anchored alternation matches exactly.
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
}

/** Whether serverFilter selects exactly the events the filter does (system events aside). */
export function isServerFilterExact(filter: EventFilter | undefined): boolean {
  return !(filter?.streamNamePrefixes?.length && filter.eventTypes?.length);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
