import { Pool } from 'pg';

/** The billing service's schema (its name) and its event log's. */
const SCHEMA = 'billing';
const LOG = 'billing_log.events';
/** BillingLedgerProjection's name, and the relay's (`relay:` + its route). */
export const LEDGER_PROJECTION = 'billing-ledger';
const RELAY = 'relay:billing';
const CHARGE_HANDLER = 'billing.charge-at-billing-point';

/** One `PartnerCharged` as the log recorded it. */
export interface RecordedCharge {
  leadId: string;
  /** `recorded_at` (PostgreSQL's now() at the append, same machine clock), ms since the epoch. */
  at: number;
}

/**
 * Reads what the billing service recorded, from its own tables: its view of
 * partners, its log (`billing_log.events`: an append is one statement in a
 * transaction of its own, so `recorded_at` is when its INSERT began) and the
 * ledger projection's tables and checkpoint.
 */
export class BillingLog {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    this.pool.on('error', () => undefined);
  }

  /** How many of these partners billing's view of partners holds. */
  async partnersKnown(partnerIds: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM ${SCHEMA}.billing_partners WHERE partner_id = ANY($1::text[])`,
      [partnerIds],
    );
    return Number(rows[0]!.count);
  }

  /** How many of these leads' sales billing holds with their value (their LeadRouted handled). */
  async salesPriced(leadIds: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM ${SCHEMA}.billing_sales
        WHERE lead_id = ANY($1::text[]) AND lead_value IS NOT NULL`,
      [leadIds],
    );
    return Number(rows[0]!.count);
  }

  /**
   * When the charging handler's transaction began for each of these
   * `LeadRouted` and `LeadDelivered` events (its inbox row's
   * `processed_at`), ms.
   */
  async handledAt(eventIds: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ event_id: string; at: number }>(
      `SELECT event_id, extract(epoch FROM processed_at) * 1000 AS at
         FROM ${SCHEMA}.processed_events WHERE handler = $1 AND event_id = ANY($2::uuid[])`,
      [CHARGE_HANDLER, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, Number(row.at)]));
  }

  /** The log's last position (0 when empty). */
  async end(): Promise<bigint> {
    const { rows } = await this.pool.query<{ end: string | null }>(
      `SELECT max(position) AS end FROM ${LOG}`,
    );
    return BigInt(rows[0]!.end ?? '0');
  }

  /** `PartnerCharged` events appended after `position`. */
  async chargesAfter(position: bigint): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM ${LOG} WHERE position > $1 AND type = 'PartnerCharged'`,
      [position.toString()],
    );
    return Number(rows[0]!.count);
  }

  /** Each `PartnerCharged` appended after `position`: its lead and when. */
  async charges(position: bigint): Promise<RecordedCharge[]> {
    const { rows } = await this.pool.query<{ lead_id: string; at: number }>(
      `SELECT data->>'leadId' AS lead_id, extract(epoch FROM recorded_at) * 1000 AS at
         FROM ${LOG} WHERE position > $1 AND type = 'PartnerCharged'`,
      [position.toString()],
    );
    return rows.map((row) => ({ leadId: row.lead_id, at: Number(row.at) }));
  }

  /** Events in the log, and how many of them are in account streams. */
  async counts(): Promise<{ events: number; accountEvents: number; accounts: number }> {
    const { rows } = await this.pool.query<Record<string, string>>(
      `SELECT count(*) AS events,
              count(*) FILTER (WHERE stream_name LIKE 'account-%') AS account_events,
              count(DISTINCT stream_name) FILTER (WHERE stream_name LIKE 'account-%') AS accounts
         FROM ${LOG}`,
    );
    const row = rows[0]!;
    return {
      events: Number(row.events),
      accountEvents: Number(row.account_events),
      accounts: Number(row.accounts),
    };
  }

  /**
   * Transactions committed and rolled back in the database so far
   * (pg_stat_database), every connection's: the service's, and the
   * benchmark's polling (10 a second). Backends flush them about once a
   * second, or within 10 s when idle. An append refused for its expected
   * revision (another charge of the same account came first) is a rollback.
   */
  async counters(): Promise<{ commits: number; rollbacks: number }> {
    const { rows } = await this.pool.query<{ xact_commit: string; xact_rollback: string }>(
      'SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()',
    );
    return { commits: Number(rows[0]!.xact_commit), rollbacks: Number(rows[0]!.xact_rollback) };
  }

  /** A projection's checkpoint: the position of the last event it applied (-1 before any). */
  async checkpoint(name: string): Promise<bigint> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${SCHEMA}.projection_checkpoints WHERE name = $1`,
      [name],
    );
    return BigInt(rows[0]?.position ?? '-1');
  }

  /**
   * What ProjectionRunner.rebuild() does to the ledger, with the service
   * stopped: BillingLedgerProjection.reset (TRUNCATE billing_ledger,
   * billing_accounts) and its checkpoint back to the beginning, in one
   * transaction. The next start replays the whole log into it.
   */
  async resetLedger(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`TRUNCATE ${SCHEMA}.billing_ledger, ${SCHEMA}.billing_accounts`);
      await client.query(
        `UPDATE ${SCHEMA}.projection_checkpoints SET position = -1, updated_at = now() WHERE name = $1`,
        [LEDGER_PROJECTION],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Moves the relay's checkpoint to `position`, with the service stopped:
   * events the benchmark appended itself are never published to
   * `leadrail.billing.v1` (they were not charges anyone made).
   */
  async skipRelayTo(position: bigint): Promise<void> {
    await this.pool.query(
      `UPDATE ${SCHEMA}.projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`,
      [RELAY, position.toString()],
    );
  }

  /** The accounts read model (`billing_accounts`): balance and version per partner. */
  async accounts(): Promise<Map<string, { balance: number; version: number }>> {
    const { rows } = await this.pool.query<{
      partner_id: string;
      balance: string;
      account_version: number;
    }>(`SELECT partner_id, balance, account_version FROM ${SCHEMA}.billing_accounts`);
    return new Map(
      rows.map((row) => [
        row.partner_id,
        { balance: Number(row.balance), version: row.account_version },
      ]),
    );
  }

  /** Lines in the ledger read model. */
  async ledgerLines(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) FROM ${SCHEMA}.billing_ledger`,
    );
    return Number(rows[0]!.count);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
