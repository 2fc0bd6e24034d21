import type { Money } from './money';

/** How a criterion compares the lead's answer with its value. */
export const CRITERION_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'] as const;

/** One of {@link CRITERION_OPERATORS}. */
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/** The operators that order answers: they compare numbers only. */
export const ORDERING_OPERATORS = ['gt', 'gte', 'lt', 'lte'] as const;

/** One answer value as a lead carries it: text, a number or true/false. */
export type CriterionScalar = string | number | boolean;

/**
 * A test of one of the lead's answers (`answers[field]`). `eq`/`neq` compare
 * with one value, the ordering operators with a number, `in` with a list of
 * values. A lead without the answer does not match.
 */
export type LeadCriterion =
  | { field: string; operator: 'eq' | 'neq'; value: CriterionScalar }
  | { field: string; operator: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { field: string; operator: 'in'; value: CriterionScalar[] };

/**
 * One lead type a partner buys, optionally narrowed. Empty `postcodes` and
 * `criteria` narrow nothing; `leadValue` null means the partner's default
 * Lead Value; no `weight` means 1.
 */
export interface LeadTypeBought {
  /** The lead type's slug, as the leads service defines it (`mortgage`). */
  leadType: string;
  /** UK postcode areas (`SW`) or districts (`SW1A`), upper case; the lead's district must be in one. */
  postcodes: string[];
  /** Every criterion must hold for the lead's answers. */
  criteria: LeadCriterion[];
  /** What the partner pays for a lead of this type, overriding its Lead Value; null for the default. */
  leadValue: Money | null;
  /**
   * Its share among partners of equal priority when the lead type is routed by
   * weight, up to 100. Absent means 1: the default is never recorded, so a list
   * saved before weights existed and the same list saved now are equal.
   */
  weight?: number;
}

/** The weight of a lead type bought without one. */
export const DEFAULT_LEAD_TYPE_WEIGHT = 1;

/** Where a new partner's selection priority starts: the middle of 0-100. */
export const DEFAULT_SELECTION_PRIORITY = 50;
/** The lowest selection priority. */
export const MIN_SELECTION_PRIORITY = 0;
/** The highest selection priority: partners with a higher priority are chosen first. */
export const MAX_SELECTION_PRIORITY = 100;

/**
 * A lead type as the partners service last heard of it from the leads
 * service (`LeadTypeDefined` / `LeadTypeChanged` on `leadrail.leads.v1`).
 */
export interface KnownLeadType {
  slug: string;
  active: boolean;
}
