/** Why a partner command was refused; services map each code to an HTTP status in one place. */
export enum PartnerErrorCode {
  PARTNER_NOT_REGISTERED = 'PARTNER_NOT_REGISTERED',
  PARTNER_ALREADY_REGISTERED = 'PARTNER_ALREADY_REGISTERED',
  PARTNER_INACTIVE = 'PARTNER_INACTIVE',
  PARTNER_ID_MISMATCH = 'PARTNER_ID_MISMATCH',
  ACTOR_NOT_ALLOWED = 'ACTOR_NOT_ALLOWED',
  INVALID_METADATA = 'INVALID_METADATA',
  INVALID_PARTNER_ID = 'INVALID_PARTNER_ID',
  INVALID_NAME = 'INVALID_NAME',
  INVALID_OPTION = 'INVALID_OPTION',
  PARTNER_TYPE_REQUIRED = 'PARTNER_TYPE_REQUIRED',
  LEAD_COST_REQUIRED = 'LEAD_COST_REQUIRED',
  LEAD_COST_ONLY_FOR_INTRODUCERS = 'LEAD_COST_ONLY_FOR_INTRODUCERS',
  LEAD_VALUE_REQUIRED = 'LEAD_VALUE_REQUIRED',
  LEAD_VALUE_ONLY_FOR_PARTNERS = 'LEAD_VALUE_ONLY_FOR_PARTNERS',
  INVALID_MONEY = 'INVALID_MONEY',
  INVALID_CURRENCY = 'INVALID_CURRENCY',
  CURRENCY_MISMATCH = 'CURRENCY_MISMATCH',
  PORTAL_LOGIN_ALREADY_EXISTS = 'PORTAL_LOGIN_ALREADY_EXISTS',
  CREDIT_LIMIT_REQUIRED = 'CREDIT_LIMIT_REQUIRED',
  CREDIT_LIMIT_ONLY_FOR_POST_PAY = 'CREDIT_LIMIT_ONLY_FOR_POST_PAY',
  ACCEPTANCE_BILLING_NEEDS_REFERRAL_ACCEPTANCE = 'ACCEPTANCE_BILLING_NEEDS_REFERRAL_ACCEPTANCE',
  DELIVERY_CHANNEL_REQUIRED = 'DELIVERY_CHANNEL_REQUIRED',
  INVALID_URL = 'INVALID_URL',
  INVALID_BODY_TEMPLATE = 'INVALID_BODY_TEMPLATE',
  INVALID_HEADER = 'INVALID_HEADER',
  INVALID_LIMIT = 'INVALID_LIMIT',
  INVALID_TIME_ZONE = 'INVALID_TIME_ZONE',
  INVALID_TIME = 'INVALID_TIME',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_EMAIL = 'INVALID_EMAIL',
  REASON_REQUIRED = 'REASON_REQUIRED',
  TEXT_ALERTS_NEED_PHONE = 'TEXT_ALERTS_NEED_PHONE',
  INVALID_LEAD_TYPE = 'INVALID_LEAD_TYPE',
  UNKNOWN_LEAD_TYPE = 'UNKNOWN_LEAD_TYPE',
  LEAD_TYPE_INACTIVE = 'LEAD_TYPE_INACTIVE',
  INVALID_POSTCODE = 'INVALID_POSTCODE',
  INVALID_CRITERION = 'INVALID_CRITERION',
  INVALID_SELECTION_PRIORITY = 'INVALID_SELECTION_PRIORITY',
  INVALID_WEIGHT = 'INVALID_WEIGHT',
  INVALID_SOAP_ACTION = 'INVALID_SOAP_ACTION',
  INVALID_TIMEOUT = 'INVALID_TIMEOUT',
  INVALID_OUTCOME_RULES = 'INVALID_OUTCOME_RULES',
}

/** One field's problem, when a refusal names several (every problem of a partner's outcome rules). */
export interface PartnerFieldProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A partner command refused by a domain rule. `field` is the path of the
 * offending value inside the command (`schedule.days.mon.from`), when one is to
 * blame; `problems` lists each field's problem when there are several, so a
 * client shows them all at once. `detail` is the message without the field.
 */
export class PartnerError extends Error {
  readonly detail: string;

  constructor(
    readonly code: PartnerErrorCode,
    message: string,
    readonly field?: string,
    readonly problems: readonly PartnerFieldProblem[] = [],
  ) {
    super(field === undefined ? message : `${field}: ${message}`);
    this.name = 'PartnerError';
    this.detail = message;
  }
}
