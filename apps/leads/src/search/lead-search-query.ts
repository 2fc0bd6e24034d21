import type { LeadSearchFilters, LeadSearchScope } from './lead-search-filters';
import { searchPatternsOf } from './search-text';

/** A parameterised statement: values only ever travel as parameters. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** The columns of a search result row (never the sealed contact nor the folded state). */
export const LEAD_SEARCH_COLUMNS = [
  'lead_id',
  'introducer_id',
  'lead_type',
  'external_reference',
  'stage',
  'status',
  'partner_id',
  'referred_partner_id',
  'recorded_at',
  'received_at',
  'allocated_at',
  'delivered_at',
  'country',
  'city',
  'postcode_district',
  'duplicate_of',
  'rejection_code',
  'erased_at',
  'first_name',
  'last_name',
  'email',
  'phone',
  'postcode',
] as const;

/**
 * The SQL of one page of a lead search, newest first. A partner's scope is a
 * condition of the query itself (`partner_id = $1`), never a filter applied
 * to rows already read, so no other partner's lead can reach the page. One
 * row more than the page is read, to know whether there is a next page.
 */
export function buildLeadSearchQuery(filters: LeadSearchFilters, scope: LeadSearchScope): SqlQuery {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  if (scope.kind === 'partner') {
    where.push(`partner_id = ${param(scope.partnerId, '::uuid')}`);
  }
  if (filters.partnerId !== undefined) {
    where.push(`partner_id = ${param(filters.partnerId, '::uuid')}`);
  }
  if (filters.introducerId !== undefined) {
    where.push(`introducer_id = ${param(filters.introducerId, '::uuid')}`);
  }
  if (filters.status !== undefined) {
    where.push(`status = ${param(filters.status)}`);
  }
  if (filters.leadType !== undefined) {
    where.push(`lead_type = ${param(filters.leadType)}`);
  }
  if (filters.stage !== undefined) {
    where.push(`stage = ${param(filters.stage)}`);
  }
  if (filters.from !== undefined) {
    where.push(`recorded_at >= ${param(filters.from.toISOString(), '::timestamptz')}`);
  }
  if (filters.to !== undefined) {
    where.push(`recorded_at < ${param(filters.to.toISOString(), '::timestamptz')}`);
  }
  if (filters.q !== undefined) {
    const patterns = searchPatternsOf(filters.q).map(
      (pattern) => `search_text LIKE ${param(pattern)}`,
    );
    where.push(patterns.length === 1 ? patterns[0]! : `(${patterns.join(' OR ')})`);
  }
  if (filters.after !== undefined) {
    const at = param(filters.after.recordedAt, '::timestamptz');
    where.push(`(recorded_at, lead_id) < (${at}, ${param(filters.after.leadId, '::uuid')})`);
  }
  const sql = [
    `SELECT ${LEAD_SEARCH_COLUMNS.join(', ')} FROM lead_search`,
    where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`,
    `ORDER BY recorded_at DESC, lead_id DESC LIMIT ${param(filters.limit + 1)}`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  return { sql, params };
}
