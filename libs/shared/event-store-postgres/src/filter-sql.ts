import type { EventFilter } from '@leadrail/event-store';

/** SQL conditions for a global-log filter, numbering its parameters from `next`. */
export function filterSql(
  filter: EventFilter | undefined,
  next: number,
): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter?.streamNamePrefixes?.length) {
    params.push(filter.streamNamePrefixes);
    conditions.push(
      `EXISTS (SELECT 1 FROM unnest($${next + params.length - 1}::text[]) p WHERE starts_with(stream_name, p))`,
    );
  }
  if (filter?.eventTypes?.length) {
    params.push(filter.eventTypes);
    conditions.push(`type = ANY ($${next + params.length - 1}::text[])`);
  }
  return { sql: conditions.map((condition) => ` AND ${condition}`).join(''), params };
}
