import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { encodeLeadCursor } from './lead-cursor';
import type { LeadHistoryEntry } from './lead-history-entry';
import type { LeadSearchFilters, LeadSearchScope } from './lead-search-filters';
import { LEAD_SEARCH_COLUMNS, buildLeadSearchQuery } from './lead-search-query';
import type { LeadDetailRow, LeadSearchRow } from './lead-search-row';

/** One page of a search and the `after` of the next, if there is one. */
export interface LeadSearchPage {
  rows: LeadSearchRow[];
  next: string | null;
}

/** Reads of `lead_search` and `lead_search_history` (kept by LeadSearchProjection). */
@Injectable()
export class LeadSearch {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async page(filters: LeadSearchFilters, scope: LeadSearchScope): Promise<LeadSearchPage> {
    const { sql, params } = buildLeadSearchQuery(filters, scope);
    const rows = await this.dataSource.query<LeadSearchRow[]>(sql, params);
    const page = rows.slice(0, filters.limit);
    const last = page.at(-1);
    const next =
      rows.length > filters.limit && last !== undefined
        ? encodeLeadCursor({ recordedAt: last.recorded_at.toISOString(), leadId: last.lead_id })
        : null;
    return { rows: page, next };
  }

  /**
   * One lead, or null. For a partner the condition is part of the query: its
   * leads (allocated or delivered to it) and the referrals pending with it;
   * any other lead reads exactly as one that does not exist.
   */
  async one(leadId: string, scope: LeadSearchScope): Promise<LeadDetailRow | null> {
    const columns = `${LEAD_SEARCH_COLUMNS.join(', ')}, personal, state`;
    const rows =
      scope.kind === 'operator'
        ? await this.dataSource.query<LeadDetailRow[]>(
            `SELECT ${columns} FROM lead_search WHERE lead_id = $1::uuid`,
            [leadId],
          )
        : await this.dataSource.query<LeadDetailRow[]>(
            `SELECT ${columns} FROM lead_search
             WHERE lead_id = $1::uuid AND (partner_id = $2::uuid OR referred_partner_id = $2::uuid)`,
            [leadId, scope.partnerId],
          );
    return rows[0] ?? null;
  }

  /** The lead's trail, oldest first; for a partner only what concerned it. */
  async history(leadId: string, scope: LeadSearchScope): Promise<LeadHistoryEntry[]> {
    const partner = scope.kind === 'partner' ? scope.partnerId : null;
    return this.dataSource.query<LeadHistoryEntry[]>(
      `SELECT revision::text AS "revision", type,
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
         actor_type AS "actorType", actor_id AS "actorId", partner_id AS "partnerId", status
       FROM lead_search_history
       WHERE lead_id = $1::uuid AND ($2::uuid IS NULL OR partner_id = $2::uuid)
       ORDER BY revision`,
      [leadId, partner],
    );
  }
}
