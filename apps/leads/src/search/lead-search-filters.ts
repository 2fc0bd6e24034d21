import type { LeadStage } from '@leadrail/leads-domain';
import type { LeadCursor } from './lead-cursor';

/** The stages a lead can be searched by (`new` is never stored: a stream starts received or rejected). */
export const SEARCHABLE_STAGES = [
  'received',
  'rejected',
  'referred',
  'allocated',
  'delivered',
  'returned',
] as const satisfies readonly LeadStage[];

/** What a lead search asks for, validated. */
export interface LeadSearchFilters {
  status?: string;
  partnerId?: string;
  introducerId?: string;
  leadType?: string;
  stage?: (typeof SEARCHABLE_STAGES)[number];
  /** Recorded at or after (inclusive). */
  from?: Date;
  /** Recorded before (exclusive). */
  to?: Date;
  q?: string;
  limit: number;
  after?: LeadCursor;
}

/** Whose leads a search may return: an operator sees all, a partner only those sent to it. */
export type LeadSearchScope = { kind: 'operator' } | { kind: 'partner'; partnerId: string };

/** One page size, unless the caller asks for another (1-100). */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
