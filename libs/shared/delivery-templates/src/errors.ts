import type { HeaderProblem } from './headers/header-problem';
import type { TemplateProblem } from './problems';

/** Why a template, its values or its headers could not be used. */
export enum DeliveryTemplateErrorCode {
  /** The body template has problems (see `problems`); it should have been refused when saved. */
  INVALID_TEMPLATE = 'INVALID_TEMPLATE',
  /** A value every lead has (a name, an id, a timestamp) was not supplied. */
  MISSING_REQUIRED_VALUES = 'MISSING_REQUIRED_VALUES',
  /** The custom headers have problems (see `problems`). */
  INVALID_HEADERS = 'INVALID_HEADERS',
  /** A SOAP action that cannot be sent in a header (quotes, control characters). */
  INVALID_SOAP_ACTION = 'INVALID_SOAP_ACTION',
  /** The input to build template values from is unusable (time zone, currency, date, amount). */
  INVALID_TEMPLATE_INPUT = 'INVALID_TEMPLATE_INPUT',
}

/** The one error class of this library; callers branch on `code`. */
export class DeliveryTemplateError extends Error {
  constructor(
    readonly code: DeliveryTemplateErrorCode,
    message: string,
    readonly problems: readonly (TemplateProblem | HeaderProblem)[] = [],
  ) {
    super(message);
    this.name = 'DeliveryTemplateError';
  }
}
