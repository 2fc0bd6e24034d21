import type { InternetDeliveryInput, OutcomeRulesInput } from '../commands/partner-command-inputs';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import {
  DEFAULT_DELIVERY_TIMEOUT_SECONDS,
  type InternetDelivery,
  type InternetDeliveryMethod,
} from '../model/delivery-settings';
import {
  CAPTURE_SOURCES,
  MAX_OUTCOME_RULES,
  MAX_OUTCOME_TEXT_LENGTH,
  OUTCOME_MEANINGS,
  OUTCOME_TESTS,
  type OutcomeRules,
  type ResponseCapture,
  checkOutcomeRules,
} from '@leadrail/delivery-outcomes';
import {
  MAX_DELIVERY_TIMEOUT_SECONDS,
  MAX_OUTCOME_EXPRESSION_LENGTH,
  MAX_PARTNER_OUTCOME_RULES,
  MIN_DELIVERY_TIMEOUT_SECONDS,
  OUTCOME_RULE_MEANINGS,
  OUTCOME_RULE_TESTS,
  RESPONSE_CAPTURE_SOURCES,
  SOAP_ACTION_PATTERN,
} from '@leadrail/partners-contracts';

// The published contract repeats the outcome library's vocabulary (contracts may
// not import a domain library): these fail to compile when the two part ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _tests: Same<(typeof OUTCOME_TESTS)[number], (typeof OUTCOME_RULE_TESTS)[number]> = true;
const _meanings: Same<(typeof OUTCOME_MEANINGS)[number], (typeof OUTCOME_RULE_MEANINGS)[number]> =
  true;
const _sources: Same<(typeof CAPTURE_SOURCES)[number], (typeof RESPONSE_CAPTURE_SOURCES)[number]> =
  true;
const _limits: [
  Same<typeof MAX_OUTCOME_RULES, typeof MAX_PARTNER_OUTCOME_RULES>,
  Same<typeof MAX_OUTCOME_TEXT_LENGTH, typeof MAX_OUTCOME_EXPRESSION_LENGTH>,
] = [true, true];
void [_tests, _meanings, _sources, _limits];

const SOAP_METHODS: readonly InternetDeliveryMethod[] = ['soap-1.1', 'soap-1.2'];

/**
 * The SOAP action, timeout and outcome rules of an internet delivery, checked
 * and normalised, with each left out at its default (no action, 10 seconds,
 * no rules and no captures), so an unchanged delivery decides nothing.
 */
export function toDeliveryOptions(
  internet: InternetDeliveryInput,
  at: string,
): Pick<InternetDelivery, 'soapAction' | 'timeoutSeconds' | 'outcome'> {
  const soapAction = toSoapAction(internet.soapAction, internet.method, `${at}.soapAction`);
  const timeoutSeconds = toTimeout(internet.timeoutSeconds, `${at}.timeoutSeconds`);
  const outcome = toOutcomeRules(internet.outcome, at);
  return {
    ...(soapAction === undefined ? {} : { soapAction }),
    ...(timeoutSeconds === DEFAULT_DELIVERY_TIMEOUT_SECONDS ? {} : { timeoutSeconds }),
    ...(outcome === undefined ? {} : { outcome }),
  };
}

function toSoapAction(
  action: unknown,
  method: InternetDeliveryMethod,
  field: string,
): string | undefined {
  // SOAP 1.1 sends "" when there is no action: an empty action is no action.
  if (action === undefined || action === null || action === '') {
    return undefined;
  }
  if (!SOAP_METHODS.includes(method)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_SOAP_ACTION,
      `only soap-1.1 and soap-1.2 deliveries send a SOAP action, not ${method}`,
      field,
    );
  }
  if (typeof action !== 'string' || !SOAP_ACTION_PATTERN.test(action)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_SOAP_ACTION,
      'must be the action URI from the partner\'s WSDL: 1 to 1024 visible ASCII characters without " or \\',
      field,
    );
  }
  return action;
}

function toTimeout(timeout: unknown, field: string): number {
  if (timeout === undefined || timeout === null) {
    return DEFAULT_DELIVERY_TIMEOUT_SECONDS;
  }
  if (
    typeof timeout !== 'number' ||
    !Number.isSafeInteger(timeout) ||
    timeout < MIN_DELIVERY_TIMEOUT_SECONDS ||
    timeout > MAX_DELIVERY_TIMEOUT_SECONDS
  ) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_TIMEOUT,
      `must be a whole number of seconds from ${MIN_DELIVERY_TIMEOUT_SECONDS} to ${MAX_DELIVERY_TIMEOUT_SECONDS}`,
      field,
    );
  }
  return timeout;
}

/**
 * The outcome rules rebuilt from their known fields (so nothing a client added
 * reaches the event), with omitted `equals` and captures as null, then checked
 * by the outcome library; every problem is reported, each at its field. No
 * rules and no captures are the defaults: undefined.
 */
function toOutcomeRules(
  input: OutcomeRulesInput | null | undefined,
  at: string,
): OutcomeRules | undefined {
  if (input === undefined || input === null) {
    return undefined;
  }
  const outcome = normalised(input);
  const problems = checkOutcomeRules(outcome);
  if (problems.length > 0) {
    const fields = problems.map((problem) => ({
      field: `${at}.${problem.path}`,
      message: problem.message,
    }));
    throw new PartnerError(
      PartnerErrorCode.INVALID_OUTCOME_RULES,
      fields.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      `${at}.outcome`,
      fields,
    );
  }
  const isDefault =
    outcome.rules.length === 0 && !outcome.partnerReference && !outcome.rejectionReason;
  return isDefault ? undefined : outcome;
}

function normalised(input: unknown): OutcomeRules {
  if (!isRecord(input)) {
    return input as OutcomeRules;
  }
  const rules: unknown = input.rules;
  return {
    rules: (Array.isArray(rules)
      ? rules.map((rule: unknown) =>
          isRecord(rule)
            ? {
                test: rule.test,
                pattern: rule.pattern,
                equals: rule.equals ?? null,
                means: rule.means,
              }
            : rule,
        )
      : rules) as OutcomeRules['rules'],
    partnerReference: capture(input.partnerReference),
    rejectionReason: capture(input.rejectionReason),
  };
}

function capture(value: unknown): ResponseCapture | null {
  if (value === undefined || value === null) {
    return null;
  }
  return (
    isRecord(value) ? { from: value.from, expression: value.expression } : value
  ) as ResponseCapture;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
