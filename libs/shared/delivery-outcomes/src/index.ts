/**
 * Partners' outcome rules: the setting's types, its save-time check
 * (`checkOutcomeRules`, used by partners) and its evaluation (`evaluateOutcome`,
 * used by delivery). Pure: no I/O and no state; the one concession to time is
 * that a regular expression, JSONPath or XPath running longer than
 * `EXPRESSION_TIME_LIMIT_MS` on one answer is stopped and does not match.
 */
export * from './outcome-rules';
export * from './check/outcome-rule-problem';
export { checkOutcomeRules } from './check/check-outcome-rules';
export {
  evaluateOutcome,
  type DeliveryAnswer,
  type DeliveryOutcome,
  type OutcomeEvaluation,
  type TransportError,
} from './evaluate/evaluate-outcome';
export type { PartnerResponse } from './evaluate/response-view';
export { EXPRESSION_TIME_LIMIT_MS } from './match/time-limit';
export { wildcardMatches } from './match/wildcard';
