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
 * has passed; in-flight writers delay subscribers, never reorder them. Writers
 * do not wait for each other except on the same stream.
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

-- One row per stream: the lock writers of a stream queue on, and its revision.
CREATE TABLE IF NOT EXISTS ${s}.streams (
  stream_name text   PRIMARY KEY,
  revision    bigint NOT NULL
);

-- Appends atomically with EventStoreDB's expected-revision semantics; raises
-- LR001 (wrong expected revision, DETAIL = actual revision or empty) or
-- LR002 (idempotency conflict). Same event ids again: returns the first result.
CREATE OR REPLACE FUNCTION ${s}.append_to_stream(
  p_stream   text,
  p_expected text,   -- a revision, 'no_stream', 'stream_exists' or 'any'
  p_ids      uuid[],
  p_types    text[],
  p_data     jsonb[],
  p_metadata jsonb[]
) RETURNS TABLE (next_revision bigint, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count    int    := coalesce(array_length(p_ids, 1), 0);
  v_current  bigint;
  v_known    int;
  v_first    bigint;
  v_last     bigint;
  v_last_pos bigint;
  v_offset   int    := coalesce(nullif(current_setting('leadrail.position_offset', true), ''), '0')::int;
  v_base     bigint := pg_current_xact_id()::text::bigint << 20;
BEGIN
  IF v_count = 0 THEN
    RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = '22023';
  END IF;
  IF v_offset + v_count > 1048576 THEN
    RAISE EXCEPTION 'more than 1048576 events in one transaction' USING ERRCODE = '54000';
  END IF;

  -- Take the stream's lock: concurrent writers of one stream queue here.
  LOOP
    SELECT revision INTO v_current FROM ${s}.streams WHERE stream_name = p_stream FOR UPDATE;
    EXIT WHEN FOUND;
    INSERT INTO ${s}.streams (stream_name, revision) VALUES (p_stream, -1) ON CONFLICT DO NOTHING;
    IF FOUND THEN
      v_current := -1;
      EXIT;
    END IF;
  END LOOP;

  -- Under the lock, every earlier append of this stream is visible: a repeat is recognised.
  SELECT count(*), min(revision), max(revision), max(position)
    INTO v_known, v_first, v_last, v_last_pos
    FROM ${s}.events WHERE event_id = ANY (p_ids);
  IF v_known > 0 THEN
    IF v_known = v_count AND v_last - v_first = v_count - 1 AND NOT EXISTS (
         SELECT 1 FROM ${s}.events e
           JOIN unnest(p_ids) WITH ORDINALITY AS u(id, i) ON e.event_id = u.id
          WHERE e.stream_name <> p_stream OR e.revision <> v_first + u.i - 1) THEN
      RETURN QUERY SELECT v_last, v_last_pos;
      RETURN;
    END IF;
    RAISE EXCEPTION 'events already recorded, but not as this append' USING ERRCODE = 'LR002';
  END IF;

  IF (p_expected = 'no_stream' AND v_current >= 0)
     OR (p_expected = 'stream_exists' AND v_current < 0)
     OR (p_expected NOT IN ('no_stream', 'stream_exists', 'any') AND p_expected::bigint <> v_current) THEN
    RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'LR001',
      DETAIL = CASE WHEN v_current < 0 THEN '' ELSE v_current::text END;
  END IF;

  INSERT INTO ${s}.events (position, transaction_id, event_id, stream_name, revision, type, data, metadata)
  SELECT v_base + v_offset + u.i - 1, pg_current_xact_id(), u.id, p_stream, v_current + u.i, u.type, u.data, u.meta
    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, meta, i);

  UPDATE ${s}.streams SET revision = v_current + v_count WHERE stream_name = p_stream;
  PERFORM set_config('leadrail.position_offset', (v_offset + v_count)::text, true);
  -- Delivered at commit: wakes live subscribers at once instead of polling.
  PERFORM pg_notify(${quoteLiteral(notifyChannel(schema))}, '');
  RETURN QUERY SELECT v_current + v_count, v_base + v_offset + v_count - 1;
END
$fn$;
`;
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

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
