import type { EventFilter, RecordedEvent } from '@leadrail/event-store';
import type { Pool } from 'pg';
import { filterSql } from './filter-sql';
import { prepared } from './prepared';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './row-mapping';

/** One scan of the global log: the matching events, and how far it looked. */
export interface GlobalLogPage {
  events: RecordedEvent[];
  /** The last position scanned, matching or not; undefined when nothing new was visible. */
  scannedTo: bigint | undefined;
  /** Rows scanned: fewer than asked means the visible end of the log was reached. */
  scanned: number;
}

/**
 * The visibility horizon as a position: every event below it belongs to a
 * transaction older than the oldest one still running (see schema.sql.ts).
 * Written as a bound on the primary key so the scan is an index range scan.
 */
const HORIZON = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20)`;

/**
 * Scans up to `scanLimit` visible events after `after`, in position order, and
 * returns those matching `filter`. Filters are applied after the scan (not in
 * it), so a selective filter never turns the read into a scan of the whole log.
 */
export async function readGlobalLogPage(
  pool: Pool,
  table: string,
  after: bigint,
  scanLimit: number,
  filter: EventFilter | undefined,
): Promise<GlobalLogPage> {
  const filtered = Boolean(filter?.streamNamePrefixes?.length || filter?.eventTypes?.length);
  if (!filtered) {
    const { rows } = await pool.query<EventRow>(
      prepared(
        `SELECT ${EVENT_COLUMNS} FROM ${table}
          WHERE position > $1 AND position < ${HORIZON}
          ORDER BY position LIMIT $2`,
        [after.toString(), scanLimit],
      ),
    );
    const events = rows.map(toRecordedEvent);
    return { events, scannedTo: events.at(-1)?.position, scanned: events.length };
  }
  const conditions = filterSql(filter, 3);
  const { rows } = await pool.query<EventRow & { scanned_to: string | null; scanned: string }>(
    // Named after its text: one prepared statement per combination of filters.
    prepared(
      `WITH scanned AS MATERIALIZED (
       SELECT position, stream_name, type FROM ${table}
        WHERE position > $1 AND position < ${HORIZON}
        ORDER BY position LIMIT $2
     ), frontier AS (
       SELECT max(position) AS scanned_to, count(*) AS scanned FROM scanned
     )
     SELECT f.scanned_to, f.scanned, m.*
       FROM frontier f
       LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS.split(', ')
           .map((column) => `e.${column}`)
           .join(', ')}
           FROM scanned s JOIN ${table} e ON e.position = s.position
          WHERE true${conditions.sql.replace(/\bstream_name\b/g, 's.stream_name').replace(/\btype\b/g, 's.type')}
          ORDER BY s.position
       ) m ON true`,
      [after.toString(), scanLimit, ...conditions.params],
    ),
  );
  const first = rows[0];
  return {
    events: rows.filter((row) => row.event_id !== null).map(toRecordedEvent),
    scannedTo: first?.scanned_to ? BigInt(first.scanned_to) : undefined,
    scanned: Number(first?.scanned ?? 0),
  };
}
