import type { DuplicateRule } from '../dedup/duplicate-rule';

/**
 * The rule every lead is held to whatever operators set: the `LeadReceived`
 * v1 contract promises that a lead sent again under the same external
 * reference by the same introducer is recognised as a duplicate.
 */
export const EXTERNAL_REFERENCE_RULE: DuplicateRule = {
  id: 'built-in.external-reference',
  keys: ['external-reference'],
  scope: 'per-introducer',
  window: { type: 'all-time' },
  action: 'reject',
};

/**
 * The rules intake applies, in order: the operators' rules, then the built-in
 * external-reference rule unless an operator rule already matches on the
 * external reference (the operator's window and action then win).
 */
export function effectiveDuplicateRules(rules: readonly DuplicateRule[]): DuplicateRule[] {
  const covered = rules.some((rule) => rule.keys.includes('external-reference'));
  return covered ? [...rules] : [...rules, EXTERNAL_REFERENCE_RULE];
}
