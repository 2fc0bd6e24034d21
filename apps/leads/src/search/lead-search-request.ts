import type { FieldError } from '@leadrail/nest-kit';
import { decodeLeadCursor } from './lead-cursor';
import { DEFAULT_PAGE_SIZE, type LeadSearchFilters } from './lead-search-filters';
import type { OperatorLeadSearchQuery } from './lead-search-query.dto';

/** A day or UTC instant that the DTO's pattern admitted, or null when no such instant exists (30 February). */
export function instantOf(text: string): Date | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(day ? `${text}T00:00:00.000Z` : text);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  // Date rolls 2026-02-30 over to 2 March: the calendar day must read back as written.
  return date.toISOString().slice(0, 10) === text.slice(0, 10) ? date : null;
}

/**
 * The filters a validated query stands for, or what is still wrong with it:
 * dates that do not exist, a range that ends before it starts, a cursor
 * this service did not make, a status not in the catalogue.
 */
export function searchFiltersOf(
  query: OperatorLeadSearchQuery,
  statuses: readonly string[],
): { filters: LeadSearchFilters } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const from = query.from === undefined ? undefined : instantOf(query.from);
  const to = query.to === undefined ? undefined : instantOf(query.to);
  if (from === null) {
    errors.push({ field: 'from', messages: ['from is not a date that exists'] });
  }
  if (to === null) {
    errors.push({ field: 'to', messages: ['to is not a date that exists'] });
  }
  if (from && to && to.getTime() <= from.getTime()) {
    errors.push({ field: 'to', messages: ['to must be after from'] });
  }
  const after = query.after === undefined ? undefined : decodeLeadCursor(query.after);
  if (after === null) {
    errors.push({
      field: 'after',
      messages: ['after must be the next of a previous page, as it was given'],
    });
  }
  if (query.status !== undefined && !statuses.includes(query.status)) {
    errors.push({
      field: 'status',
      messages: [`status must be one of the status catalogue: ${statuses.join(', ')}`],
    });
  }
  const q = query.q?.trim();
  if (q !== undefined && q.length < 2) {
    errors.push({ field: 'q', messages: ['q must hold at least 2 characters besides spaces'] });
  }
  if (errors.length > 0) {
    return { errors };
  }
  return {
    filters: {
      status: query.status,
      partnerId: query.partnerId?.toLowerCase(),
      introducerId: query.introducerId?.toLowerCase(),
      leadType: query.leadType,
      stage: query.stage,
      from: from ?? undefined,
      to: to ?? undefined,
      q,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      after: after ?? undefined,
    },
  };
}
