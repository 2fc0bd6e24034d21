/** What is wrong with one custom header. */
export enum HeaderProblemCode {
  INVALID_NAME = 'INVALID_NAME',
  /** A header LeadRail sets itself, or one that would break the HTTP exchange. */
  RESERVED_HEADER = 'RESERVED_HEADER',
  DUPLICATE_HEADER = 'DUPLICATE_HEADER',
  INVALID_VALUE = 'INVALID_VALUE',
  VARIABLE_NOT_ALLOWED = 'VARIABLE_NOT_ALLOWED',
  TOO_MANY_HEADERS = 'TOO_MANY_HEADERS',
}

/** One problem, by the header's name as the operator wrote it. */
export interface HeaderProblem {
  readonly header: string;
  readonly code: HeaderProblemCode;
  readonly message: string;
}
