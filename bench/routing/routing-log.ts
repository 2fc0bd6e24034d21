import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';

const HANDLER = 'routing.route-recorded-lead';

/** What the routing service did with one lead, as its database recorded it (wall clock, ms). */
export interface LeadOutcome {
  /** The handler's transaction began (the inbox row's `processed_at`, the transaction's start). */
  handlingAt?: number;
  /** `LeadAllocatedToPartner` appended to the chosen partner's ledger (its `recorded_at`). */
  allocatedAt?: number;
  /** `LeadRouted` or `LeadUnroutable` appended to the lead's routing stream. */
  decidedAt?: number;
  decision?: 'LeadRouted' | 'LeadUnroutable';
}

/** A moment of the database's counters: transactions committed, rows fetched, event-log index scans. */
export interface DatabaseCounters {
  transactions: number;
  rowsFetched: number;
  /** Index scans of `routing_log.events`: stream reads, and each append's read of its stream's revision. */
  logIndexScans: number;
}

/**
 * Reads what the routing service recorded, from its own tables: the inbox
 * (`routing.processed_events`) and the event log (`routing_log.events`).
 * `recorded_at` and `processed_at` are PostgreSQL's `now()`, the start of
 * the appending (or handling) transaction, from the same clock as the
 * benchmark's wall clock (one machine). An append is one statement in a
 * transaction of its own, so its `recorded_at` is when the append's INSERT
 * began; it commits a fraction of a millisecond later.
 */
export class RoutingLog {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    this.pool.on('error', () => undefined);
  }

  /** How many of these LeadRecorded events the service has handled (committed). */
  async handled(eventIds: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM routing.processed_events
        WHERE handler = $1 AND event_id = ANY($2::uuid[])`,
      [HANDLER, eventIds],
    );
    return Number(rows[0]!.count);
  }

  /**
   * Waits until every one of `eventIds` has been handled or `timeoutSeconds`
   * have passed; returns the seconds it waited (Infinity on a timeout).
   */
  async waitUntilHandled(eventIds: readonly string[], timeoutSeconds: number): Promise<number> {
    const started = performance.now();
    while ((await this.handled(eventIds)) < eventIds.length) {
      if (performance.now() - started > timeoutSeconds * 1000) {
        return Number.POSITIVE_INFINITY;
      }
      await sleep(100);
    }
    return (performance.now() - started) / 1000;
  }

  /** Each lead's handling start, allocation and decision, for leads recorded since `since` (ms). */
  async outcomes(
    leads: readonly { leadId: string; eventId: string }[],
    since: number,
  ): Promise<Map<string, LeadOutcome>> {
    const outcomes = new Map<string, LeadOutcome>(leads.map((lead) => [lead.leadId, {}]));
    const byEvent = new Map(leads.map((lead) => [lead.eventId, lead.leadId]));
    const from = new Date(since - 1000);
    const inbox = await this.pool.query<{ event_id: string; at: number }>(
      `SELECT event_id, extract(epoch FROM processed_at) * 1000 AS at
         FROM routing.processed_events WHERE handler = $1 AND processed_at >= $2`,
      [HANDLER, from],
    );
    for (const row of inbox.rows) {
      const leadId = byEvent.get(row.event_id);
      const outcome = leadId === undefined ? undefined : outcomes.get(leadId);
      if (outcome !== undefined) {
        outcome.handlingAt = Number(row.at);
      }
    }
    const log = await this.pool.query<{ lead_id: string; type: string; at: number }>(
      `SELECT data->>'leadId' AS lead_id, type, extract(epoch FROM recorded_at) * 1000 AS at
         FROM routing_log.events
        WHERE recorded_at >= $1 AND type IN ('LeadAllocatedToPartner', 'LeadRouted', 'LeadUnroutable')`,
      [from],
    );
    for (const row of log.rows) {
      const outcome = outcomes.get(row.lead_id);
      if (outcome === undefined) {
        continue;
      }
      if (row.type === 'LeadAllocatedToPartner') {
        outcome.allocatedAt = Number(row.at);
      } else {
        outcome.decidedAt = Number(row.at);
        outcome.decision = row.type as LeadOutcome['decision'];
      }
    }
    return outcomes;
  }

  /** Events in the partners' ledgers (`partnerAllocations-…`), longest first: what each decision reads. */
  async ledgerLengths(partnerIds: readonly string[]): Promise<number[]> {
    const { rows } = await this.pool.query<{ events: string }>(
      `SELECT count(*) AS events FROM routing_log.events
        WHERE stream_name = ANY($1::text[]) GROUP BY stream_name ORDER BY 1 DESC`,
      [partnerIds.map((id) => `partnerAllocations-${id}`)],
    );
    return rows.map((row) => Number(row.events));
  }

  /**
   * The database's counters (pg_stat_database, pg_stat_user_tables). Backends
   * flush them about once a second, or within 10 s when idle: approximate.
   */
  async counters(): Promise<DatabaseCounters> {
    const { rows } = await this.pool.query<Record<string, string>>(
      `SELECT xact_commit, tup_fetched,
              (SELECT coalesce(idx_scan, 0) FROM pg_stat_user_tables
                WHERE schemaname = 'routing_log' AND relname = 'events') AS log_index_scans
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0]!;
    return {
      transactions: Number(row.xact_commit),
      rowsFetched: Number(row.tup_fetched),
      logIndexScans: Number(row.log_index_scans),
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
