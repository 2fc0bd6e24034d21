/**
 * The PostgreSQL event log. Why positions look the way they do:
 *
 * A sequence number assigned at insert is not safe to subscribe by: a
 * transaction can take number 10, another take 11 and commit first, and a
 * subscriber that read 11 would never go back for 10 (the sequence-gap, or
 * late-commit, problem). Here an event's global position is its transaction id
 * (xid8) shifted left by 20 bits, plus its index within the transaction, and
 * readers of the global log only see events of transactions older than the
 * oldest one still running (`pg_snapshot_xmin`). Every transaction below that
 * horizon has finished, so no event can ever appear behind a position a reader
 * has passed; in-flight writers delay subscribers, never reorder them.
 *
 * How appends stay cheap (docs/architecture.md D12, docs/benchmarks.md): an
 * append is one plain INSERT statement (appendFastSql), as close to a raw
 * insert as it gets. It reads the stream's revision itself, and the unique
 * indexes are the only thing writers meet: on (stream_name, revision) for
 * writers of one stream, on event_id for a repeated id. No lock, no
 * per-stream row to update, no NOTIFY in the transaction. When it writes
 * nothing (the expected revision did not hold) or fails on a unique index,
 * append_events, in a new transaction, works out what happened: a repeat, a
 * conflict, or a stream that moved.
 *
 * The 20-bit index allows 1,048,576 events per transaction; xid8 stays below
 * 2^43 for the first 2,048 transaction-id wraparounds of a cluster.
 */
export function eventStoreSchemaSql(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};

CREATE TABLE IF NOT EXISTS ${s}.events (
  position       bigint      PRIMARY KEY,
  transaction_id xid8        NOT NULL,
  event_id       uuid        NOT NULL UNIQUE,
  stream_name    text        NOT NULL,
  revision       bigint      NOT NULL,
  type           text        NOT NULL,
  data           jsonb       NOT NULL,
  metadata       jsonb       NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_name, revision)
);

-- Before 2026-11: a row per stream locked by every append, and one append function
-- that notified in its transaction. Both serialised writers; the revision is the
-- stream's last event's.
DROP FUNCTION IF EXISTS ${s}.append_to_stream(text, text, uuid[], text[], jsonb[], jsonb[]);
DROP TABLE IF EXISTS ${s}.streams;

-- Does a stream at p_revision (-1: absent) satisfy what the writer expected?
CREATE OR REPLACE FUNCTION ${s}.expected_revision_holds(p_expected text, p_revision bigint)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $fn$
  SELECT CASE p_expected
           WHEN 'any' THEN true
           WHEN 'no_stream' THEN p_revision < 0
           WHEN 'stream_exists' THEN p_revision >= 0
           ELSE p_revision = p_expected::bigint
         END
$fn$;

-- Appends p_events (a JSON array of {id, type, data, metadata}) to p_stream
-- with EventStoreDB's expected-revision semantics (p_expected: a revision,
-- 'no_stream', 'stream_exists' or 'any'). Raises LR001 (wrong expected
-- revision, DETAIL = actual revision or empty), LR002 (idempotency conflict)
-- or LR003 (the stream moved while an 'any' append was being written: retry
-- in a new transaction, DETAIL = actual revision). The same events again:
-- returns the first result and writes nothing. The adapter calls it only when
-- its one-statement fast path (appendFastSql) could not write; SQL may call
-- it directly, several times in one transaction too.
CREATE OR REPLACE FUNCTION ${s}.append_events(
  p_stream   text,
  p_expected text,
  p_events   jsonb,
  OUT next_revision bigint,
  OUT last_position bigint
) LANGUAGE plpgsql AS $fn$
DECLARE
  v_count    int := coalesce(jsonb_array_length(p_events), 0);
  v_offset   int := 0;
  v_inserted int;
  v_written  bigint[];
  v_base     bigint;
  v_ids      uuid[];
  v_known    int;
  v_first    bigint;
  v_current  bigint;
  v_taken    int;
BEGIN
  IF v_count = 0 THEN
    RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = '22023';
  END IF;
  FOR v_attempt IN 1..100 LOOP
    IF v_offset + v_count > 1048576 THEN
      RAISE EXCEPTION 'more than 1048576 events in one transaction' USING ERRCODE = '54000';
    END IF;
    -- As appendFastSql, but what is in the way is skipped instead of failing the
    -- transaction. First in its transaction, its snapshot is taken before the transaction
    -- id is assigned (in the SELECT list): positions follow revisions within a stream.
    WITH written AS (
      INSERT INTO ${s}.events (position, transaction_id, event_id, stream_name, revision, type, data, metadata)
      SELECT (pg_current_xact_id()::text::bigint << 20) + v_offset + e.i - 1, pg_current_xact_id(),
             (e.event ->> 'id')::uuid, p_stream, stream.revision + e.i, e.event ->> 'type',
             e.event -> 'data', e.event -> 'metadata'
        FROM (SELECT coalesce(max(revision), -1) AS revision FROM ${s}.events WHERE stream_name = p_stream) stream,
             jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, i)
       WHERE ${s}.expected_revision_holds(p_expected, stream.revision)
      ON CONFLICT DO NOTHING
      RETURNING revision, position
    )
    SELECT count(*), max(revision), max(position), array_agg(position)
      INTO v_inserted, next_revision, last_position, v_written FROM written;
    IF v_inserted = v_count THEN
      RETURN;
    END IF;

    -- Something was in the way. Undo what went in, then find out what (ids first).
    -- Every conflicting transaction has ended (ON CONFLICT waited for it), and each
    -- statement here sees it.
    v_base := pg_current_xact_id_if_assigned()::text::bigint << 20;
    IF v_inserted > 0 THEN
      DELETE FROM ${s}.events WHERE position = ANY (v_written);
    END IF;
    v_ids := ARRAY(SELECT (e.event ->> 'id')::uuid
                     FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, i) ORDER BY e.i);
    IF (SELECT count(DISTINCT id) FROM unnest(v_ids) AS id) < v_count THEN
      RAISE EXCEPTION 'an event id appears twice in one append' USING ERRCODE = 'LR002';
    END IF;
    SELECT count(*), min(revision), max(revision), max(position)
      INTO v_known, v_first, next_revision, last_position
      FROM ${s}.events WHERE event_id = ANY (v_ids);
    IF v_known > 0 THEN
      IF v_known = v_count AND next_revision - v_first = v_count - 1 AND NOT EXISTS (
           SELECT 1 FROM ${s}.events e
             JOIN unnest(v_ids) WITH ORDINALITY AS u(id, i) ON e.event_id = u.id
            WHERE e.stream_name <> p_stream OR e.revision <> v_first + u.i - 1) THEN
        RETURN;  -- a repeat: its first result
      END IF;
      RAISE EXCEPTION 'events already recorded, but not as this append' USING ERRCODE = 'LR002';
    END IF;

    v_current := coalesce((SELECT max(revision) FROM ${s}.events WHERE stream_name = p_stream), -1);
    IF NOT ${s}.expected_revision_holds(p_expected, v_current) THEN
      RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'LR001',
        DETAIL = CASE WHEN v_current < 0 THEN '' ELSE v_current::text END;
    END IF;
    IF v_base IS NOT NULL THEN
      -- An earlier append of this transaction holds the first positions: go on after them.
      v_taken := coalesce((SELECT max(position) + 1 - v_base FROM ${s}.events
                            WHERE position >= v_base AND position < v_base + 1048576), 0);
      IF v_taken <= v_offset THEN
        -- The stream moved after this statement looked. Trying again in this transaction
        -- would put the event at a position before the revision that moved it.
        RAISE EXCEPTION 'the stream moved during the append' USING ERRCODE = 'LR003',
          DETAIL = v_current::text;
      END IF;
      v_offset := v_taken;
    END IF;
    -- Otherwise nothing was written yet (the expected revision did not hold when the
    -- statement looked, and does now): the next attempt still takes its id after looking.
  END LOOP;
  RAISE EXCEPTION 'the stream kept moving during the append' USING ERRCODE = 'LR003',
    DETAIL = v_current::text;
END
$fn$;
`;
}

/**
 * The fast path of an append, one statement: inserts every event of the
 * append, or none when the expected revision does not hold (no row
 * returned), or fails on a unique index (SQLSTATE 23505). Either way
 * append_events then decides, in a new transaction. Run in a transaction of
 * its own, its snapshot is taken before its transaction id is assigned (in
 * the SELECT list), so every revision it saw belongs to a smaller transaction
 * id: within a stream, positions follow revisions (a subscriber meets a
 * stream's events in order).
 *
 * One event: $1 stream, $2 expected revision, $3 id, $4 type, $5 data,
 * $6 metadata; returns next_revision and last_position.
 * Several: $1 stream, $2 expected revision, $3 a JSON array of
 * {id, type, data, metadata}; returns written, next_revision and last_position.
 */
export function appendFastSql(schema: string, shape: 'one' | 'many'): string {
  const s = quoteIdentifier(schema);
  const stream = `(SELECT coalesce(max(revision), -1) AS revision FROM ${s}.events WHERE stream_name = $1) stream`;
  const insert = `INSERT INTO ${s}.events (position, transaction_id, event_id, stream_name, revision, type, data, metadata)`;
  if (shape === 'one') {
    return `${insert}
      SELECT pg_current_xact_id()::text::bigint << 20, pg_current_xact_id(), $3, $1, stream.revision + 1, $4, $5, $6
        FROM ${stream}
       WHERE ${s}.expected_revision_holds($2, stream.revision)
      RETURNING revision AS next_revision, position AS last_position`;
  }
  return `WITH written AS (
      ${insert}
      SELECT (pg_current_xact_id()::text::bigint << 20) + e.i - 1, pg_current_xact_id(),
             (e.event ->> 'id')::uuid, $1, stream.revision + e.i, e.event ->> 'type',
             e.event -> 'data', e.event -> 'metadata'
        FROM ${stream}, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(event, i)
       WHERE ${s}.expected_revision_holds($2, stream.revision)
      RETURNING revision, position
    )
    SELECT count(*) AS written, max(revision) AS next_revision, max(position) AS last_position FROM written`;
}

/** The LISTEN/NOTIFY channel of one event store schema. */
export function notifyChannel(schema: string): string {
  return `${schema}_appended`;
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`"${name}" is not a lower-case SQL identifier`);
  }
  return `"${name}"`;
}
