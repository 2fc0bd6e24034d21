import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A lead waiting for a partner, as `routing_unroutable_leads` holds it. */
export interface UnroutableLead {
  leadId: string;
  leadType: string;
  unroutableSince: Date;
  /** The id of the decision that found nobody: retries derive their ids from it. */
  lastDecisionId: string;
  /** The lead's journey's correlation id, which a retry's events carry on. */
  correlationId: string;
  /** How many times the poller looked at it. */
  checks: number;
}

interface UnroutableRow {
  lead_id: string;
  lead_type: string;
  unroutable_since: Date;
  last_decision_id: string;
  correlation_id: string;
  checks: number;
}

/** What became of one look: gone from the list (routed, abandoned) or to look at again later. */
export type RetryHandled = 'settled' | { checkAfter: Date };

/** The unroutable leads (kept by UnroutableLeadsProjection) and the retry poller's claims on them. */
@Injectable()
export class UnroutableLeads {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Hands up to `limit` leads due at `now` to `handle`, inside one transaction
   * holding their rows, so an instance polling at the same moment skips them
   * (`SKIP LOCKED`). Returns how many were handed over.
   */
  async claimDue(
    now: Date,
    limit: number,
    handle: (lead: UnroutableLead) => Promise<RetryHandled>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<UnroutableRow[]>(
        `SELECT lead_id, lead_type, unroutable_since, last_decision_id, correlation_id, checks
           FROM routing_unroutable_leads
          WHERE check_after <= $1
          ORDER BY check_after
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, limit],
      );
      for (const row of rows) {
        const handled = await handle({
          leadId: row.lead_id,
          leadType: row.lead_type,
          unroutableSince: row.unroutable_since,
          lastDecisionId: row.last_decision_id,
          correlationId: row.correlation_id,
          checks: row.checks,
        });
        await this.record(manager, row, handled);
      }
      return rows.length;
    });
  }

  /**
   * Brings forward the next look at every lead of these types: something
   * that may let a partner take them changed (its settings, its funds).
   */
  async wake(manager: EntityManager, leadTypes: readonly string[], at: Date): Promise<void> {
    if (leadTypes.length === 0) {
      return;
    }
    await manager.query(
      `UPDATE routing_unroutable_leads SET check_after = $2
        WHERE lead_type = ANY($1::text[]) AND check_after > $2`,
      [leadTypes, at],
    );
  }

  /** How many leads wait, and since when the oldest: for operators. */
  async backlog(): Promise<{ count: number; oldestSince: Date | null }> {
    const [row] = await this.dataSource.query<{ count: string; oldest: Date | null }[]>(
      'SELECT count(*) AS count, min(unroutable_since) AS oldest FROM routing_unroutable_leads',
    );
    return { count: Number(row?.count ?? 0), oldestSince: row?.oldest ?? null };
  }

  private async record(
    manager: EntityManager,
    row: UnroutableRow,
    handled: RetryHandled,
  ): Promise<void> {
    // Only the row as claimed: the projection may have replaced it with a newer decision meanwhile.
    if (handled === 'settled') {
      await manager.query(
        'DELETE FROM routing_unroutable_leads WHERE lead_id = $1 AND last_decision_id = $2',
        [row.lead_id, row.last_decision_id],
      );
      return;
    }
    await manager.query(
      `UPDATE routing_unroutable_leads SET check_after = $3, checks = checks + 1
        WHERE lead_id = $1 AND last_decision_id = $2`,
      [row.lead_id, row.last_decision_id, handled.checkAfter],
    );
  }
}
