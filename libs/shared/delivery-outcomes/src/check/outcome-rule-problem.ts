/** Why part of a partner's outcome rules is refused; stable codes a UI can map to help text. */
export enum OutcomeRuleProblemCode {
  NOT_OUTCOME_RULES = 'NOT_OUTCOME_RULES',
  TOO_MANY_RULES = 'TOO_MANY_RULES',
  INVALID_TEST = 'INVALID_TEST',
  INVALID_MEANING = 'INVALID_MEANING',
  EMPTY_PATTERN = 'EMPTY_PATTERN',
  TOO_LONG = 'TOO_LONG',
  INVALID_STATUS_PATTERN = 'INVALID_STATUS_PATTERN',
  INVALID_REGEX = 'INVALID_REGEX',
  UNSAFE_REGEX = 'UNSAFE_REGEX',
  INVALID_JSON_PATH = 'INVALID_JSON_PATH',
  INVALID_XPATH = 'INVALID_XPATH',
  EQUALS_NOT_ALLOWED = 'EQUALS_NOT_ALLOWED',
  INVALID_EQUALS = 'INVALID_EQUALS',
  INVALID_CAPTURE = 'INVALID_CAPTURE',
  INVALID_HEADER_NAME = 'INVALID_HEADER_NAME',
}

/**
 * One problem, at its path inside the setting (`outcome.rules[2].pattern`,
 * `outcome.partnerReference.expression`), with a message for the operator.
 */
export interface OutcomeRuleProblem {
  readonly path: string;
  readonly code: OutcomeRuleProblemCode;
  readonly message: string;
}
