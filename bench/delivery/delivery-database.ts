import { Pool } from 'pg';

/** The delivery service's schema (its name) and its event log's. */
const SCHEMA = 'delivery';
const START_HANDLER = 'delivery.start';

/** What the delivery service recorded for one lead (wall clock, ms since the epoch). */
export interface LeadTimings {
  /** StartDelivery's inbox transaction began (`processed_events.processed_at`, PostgreSQL's now()). */
  handlerAt?: number;
  /** The first attempt started (`delivery_attempts.started_at`, the service's clock, ms). */
  attemptStartedAt?: number;
  /** The first attempt's duration as recorded: key, request, the partner's answer. */
  attemptMs?: number;
  attempts: number;
}

/** A moment of the service's work, sampled while a run goes on. */
export interface ServiceSample {
  /** Wall clock, ms. */
  at: number;
  /** Schedule rows due now: attempts waiting for a worker, or being made. */
  due: number;
  /** The service's own connections (TypeORM's pool) idle inside a transaction. */
  idleInTransaction: number;
  /** The service's own connections inside a transaction, idle or running a statement. */
  inTransaction: number;
}

/** Reads what the delivery service recorded, from its own tables, and samples its work. */
export class DeliveryDatabase {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 3 });
    this.pool.on('error', () => undefined);
  }

  /** How many of these partners delivery's view of partners holds. */
  async partnersKnown(partnerIds: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM ${SCHEMA}.delivery_partners WHERE partner_id = ANY($1::text[])`,
      [partnerIds],
    );
    return Number(rows[0]!.count);
  }

  /** How many of these leads delivery's views hold: recorded (`delivery_leads`) and valued (`delivery_lead_values`). */
  async leadsKnown(leadIds: readonly string[]): Promise<{ recorded: number; valued: number }> {
    const { rows } = await this.pool.query<{ recorded: string; valued: string }>(
      `SELECT (SELECT count(*) FROM ${SCHEMA}.delivery_leads WHERE lead_id = ANY($1::text[])) AS recorded,
              (SELECT count(*) FROM ${SCHEMA}.delivery_lead_values WHERE lead_id = ANY($1::text[])) AS valued`,
      [leadIds],
    );
    return { recorded: Number(rows[0]!.recorded), valued: Number(rows[0]!.valued) };
  }

  /** Per lead: when StartDelivery handled its allocation, and its first attempt. */
  async timings(
    allocations: readonly { leadId: string; eventId: string }[],
  ): Promise<Map<string, LeadTimings>> {
    const timings = new Map<string, LeadTimings>(
      allocations.map((allocation) => [allocation.leadId, { attempts: 0 }]),
    );
    const byEvent = new Map(
      allocations.map((allocation) => [allocation.eventId, allocation.leadId]),
    );
    const inbox = await this.pool.query<{ event_id: string; at: number }>(
      `SELECT event_id, extract(epoch FROM processed_at) * 1000 AS at
         FROM ${SCHEMA}.processed_events WHERE handler = $1 AND event_id = ANY($2::uuid[])`,
      [START_HANDLER, [...byEvent.keys()]],
    );
    for (const row of inbox.rows) {
      const timing = timings.get(byEvent.get(row.event_id) ?? '');
      if (timing !== undefined) {
        timing.handlerAt = Number(row.at);
      }
    }
    const attempts = await this.pool.query<{
      lead_id: string;
      attempt: number;
      at: number;
      duration_ms: number;
    }>(
      `SELECT lead_id, attempt, extract(epoch FROM started_at) * 1000 AS at, duration_ms
         FROM ${SCHEMA}.delivery_attempts WHERE lead_id = ANY($1::text[]) ORDER BY attempt`,
      [[...timings.keys()]],
    );
    for (const row of attempts.rows) {
      const timing = timings.get(row.lead_id);
      if (timing === undefined) {
        continue;
      }
      timing.attempts++;
      if (row.attempt === 1) {
        timing.attemptStartedAt = Number(row.at);
        timing.attemptMs = row.duration_ms;
      }
    }
    return timings;
  }

  /** The attempts due now and the service's connections idle in a transaction. */
  async sample(): Promise<ServiceSample> {
    const { rows } = await this.pool.query<{ due: string; idle: string; xact: string }>(
      `SELECT (SELECT count(*) FROM ${SCHEMA}.delivery_schedule WHERE due_at <= now()) AS due,
              count(*) FILTER (WHERE state = 'idle in transaction') AS idle,
              count(*) FILTER (WHERE xact_start IS NOT NULL) AS xact
         FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'leadrail-${SCHEMA}'`,
    );
    return {
      at: Date.now(),
      due: Number(rows[0]!.due),
      idleInTransaction: Number(rows[0]!.idle),
      inTransaction: Number(rows[0]!.xact),
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
