/** What a de-duplication rule can match two leads on. */
export const MATCH_KEY_KINDS = ['email', 'phone', 'name-postcode', 'external-reference'] as const;

/**
 * One kind of match key: the person's email, phone, first and last name with
 * postcode, or the introducer's own reference for the lead.
 */
export type MatchKeyKind = (typeof MATCH_KEY_KINDS)[number];

/** Which earlier leads a rule compares with: every introducer's, or the same introducer's only. */
export type DuplicateScope = 'all-introducers' | 'per-introducer';

/** How far back a rule looks. */
export type DuplicateWindow = { type: 'all-time' } | { type: 'days'; days: number };

/** What happens to a lead a rule matches. */
export type DuplicateAction = 'reject' | 'accept-and-link';

/**
 * A de-duplication rule (operator data). A lead matches when any of its keys
 * equals a key of an earlier lead in scope and within the window.
 */
export interface DuplicateRule {
  id: string;
  keys: readonly MatchKeyKind[];
  scope: DuplicateScope;
  window: DuplicateWindow;
  action: DuplicateAction;
}
