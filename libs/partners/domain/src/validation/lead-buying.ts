import type { LeadCriterionInput, LeadTypeBoughtInput } from '../commands/partner-command-inputs';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import { MAX_LEAD_TYPE_WEIGHT, MIN_LEAD_TYPE_WEIGHT } from '@leadrail/partners-contracts';
import {
  CRITERION_OPERATORS,
  DEFAULT_LEAD_TYPE_WEIGHT,
  MAX_SELECTION_PRIORITY,
  MIN_SELECTION_PRIORITY,
  type CriterionScalar,
  type KnownLeadType,
  type LeadCriterion,
  type LeadTypeBought,
} from '../model/lead-buying';
import type { ActivePartner } from '../model/partner-state';
import { toMoney } from './money';
import { assertOneOf } from './options';
import { toPostcodes } from './uk-postcodes';

/** At most this many lead types per partner. */
export const MAX_LEAD_TYPES_BOUGHT = 200;
/** At most this many criteria per lead type. */
export const MAX_CRITERIA = 20;
/** At most this many values in an `in` list. */
export const MAX_IN_VALUES = 100;

// The leads service's slug and answer-key rules: a criterion or type that cannot exist there never matches.
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 50;
const ANSWER_KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const MAX_ANSWER_KEY_LENGTH = 64;
const MAX_TEXT_LENGTH = 1000;

function invalid(code: PartnerErrorCode, message: string, field: string): PartnerError {
  return new PartnerError(code, message, field);
}

/**
 * The lead types a partner buys, checked and normalised: each a lead type the
 * leads service defined and has not deactivated (`catalogue`), named once,
 * with valid postcode areas/districts and criteria, a Lead Value only for
 * a partner (a buyer), in its currency, and a weight from 1 to 100 (1, the
 * default, is left out: no weight means 1).
 */
export function toLeadTypesBought(
  input: unknown,
  catalogue: readonly KnownLeadType[],
  partner: ActivePartner,
  field: string,
): LeadTypeBought[] {
  if (!Array.isArray(input) || input.length > MAX_LEAD_TYPES_BOUGHT) {
    throw invalid(
      PartnerErrorCode.INVALID_LEAD_TYPE,
      `must be a list of at most ${MAX_LEAD_TYPES_BOUGHT} lead types`,
      field,
    );
  }
  const known = new Map(catalogue.map((entry) => [entry.slug, entry.active]));
  const seen = new Set<string>();
  return (input as LeadTypeBoughtInput[]).map((entry, index) => {
    const at = `${field}[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      throw invalid(PartnerErrorCode.INVALID_LEAD_TYPE, 'must be a lead type bought', at);
    }
    const leadType = toLeadTypeSlug(entry.leadType, known, seen, `${at}.leadType`);
    const weight = toWeight(entry.weight, `${at}.weight`);
    return {
      leadType,
      postcodes: toPostcodes(entry.postcodes, `${at}.postcodes`),
      criteria: toCriteria(entry.criteria, `${at}.criteria`),
      leadValue: toLeadValueOverride(entry.leadValue, partner, `${at}.leadValue`),
      ...(weight === DEFAULT_LEAD_TYPE_WEIGHT ? {} : { weight }),
    };
  });
}

/** A weight from 1 to 100 (omitted: 1). */
function toWeight(weight: unknown, field: string): number {
  if (weight === undefined) {
    return DEFAULT_LEAD_TYPE_WEIGHT;
  }
  if (
    typeof weight !== 'number' ||
    !Number.isSafeInteger(weight) ||
    weight < MIN_LEAD_TYPE_WEIGHT ||
    weight > MAX_LEAD_TYPE_WEIGHT
  ) {
    throw invalid(
      PartnerErrorCode.INVALID_WEIGHT,
      `must be a whole number from ${MIN_LEAD_TYPE_WEIGHT} to ${MAX_LEAD_TYPE_WEIGHT} (the partner's share among equals when the lead type is routed by weight)`,
      field,
    );
  }
  return weight;
}

function toLeadTypeSlug(
  slug: unknown,
  known: ReadonlyMap<string, boolean>,
  seen: Set<string>,
  field: string,
): string {
  if (typeof slug !== 'string' || slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug)) {
    throw invalid(
      PartnerErrorCode.INVALID_LEAD_TYPE,
      `must be a lead type's slug (lower case, at most ${MAX_SLUG_LENGTH} characters), e.g. mortgage`,
      field,
    );
  }
  if (seen.has(slug)) {
    throw invalid(PartnerErrorCode.INVALID_LEAD_TYPE, `lead type ${slug} is listed twice`, field);
  }
  seen.add(slug);
  const active = known.get(slug);
  if (active === undefined) {
    throw invalid(
      PartnerErrorCode.UNKNOWN_LEAD_TYPE,
      `no lead type ${slug} is defined in the leads service`,
      field,
    );
  }
  if (!active) {
    throw invalid(
      PartnerErrorCode.LEAD_TYPE_INACTIVE,
      `lead type ${slug} is inactive: reactivate it in the leads service or remove it`,
      field,
    );
  }
  return slug;
}

function toLeadValueOverride(
  leadValue: LeadTypeBoughtInput['leadValue'],
  partner: ActivePartner,
  field: string,
): LeadTypeBought['leadValue'] {
  if (leadValue === undefined || leadValue === null) {
    return null;
  }
  if (!partner.settings.partnerType.partner) {
    throw invalid(
      PartnerErrorCode.LEAD_VALUE_ONLY_FOR_PARTNERS,
      'only a partner has a lead value; change the partner type first',
      field,
    );
  }
  return toMoney(leadValue, partner.currency, field);
}

function toCriteria(criteria: unknown, field: string): LeadCriterion[] {
  if (criteria === undefined || criteria === null) {
    return [];
  }
  if (!Array.isArray(criteria) || criteria.length > MAX_CRITERIA) {
    throw invalid(
      PartnerErrorCode.INVALID_CRITERION,
      `must be a list of at most ${MAX_CRITERIA} criteria`,
      field,
    );
  }
  return (criteria as LeadCriterionInput[]).map((criterion, index) =>
    toCriterion(criterion, `${field}[${index}]`),
  );
}

/**
 * One criterion checked: a lower_snake_case answer key (any key, since each
 * introducer's form has its own questions), a known operator and a value of
 * the type the operator compares.
 */
function toCriterion(criterion: LeadCriterionInput, field: string): LeadCriterion {
  if (typeof criterion !== 'object' || criterion === null) {
    throw invalid(
      PartnerErrorCode.INVALID_CRITERION,
      'must be a criterion {field, operator, value}',
      field,
    );
  }
  const key = criterion.field;
  if (typeof key !== 'string' || key.length > MAX_ANSWER_KEY_LENGTH || !ANSWER_KEY.test(key)) {
    throw invalid(
      PartnerErrorCode.INVALID_CRITERION,
      `must be an answer key in lower_snake_case, at most ${MAX_ANSWER_KEY_LENGTH} characters, e.g. property_value`,
      `${field}.field`,
    );
  }
  const operator: unknown = criterion.operator;
  assertOneOf(operator, CRITERION_OPERATORS, `${field}.operator`);
  const at = `${field}.value`;
  switch (operator) {
    case 'eq':
    case 'neq':
      return { field: key, operator, value: toScalar(criterion.value, at) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (typeof criterion.value !== 'number' || !Number.isFinite(criterion.value)) {
        throw invalid(PartnerErrorCode.INVALID_CRITERION, `${operator} compares numbers`, at);
      }
      return { field: key, operator, value: criterion.value };
    case 'in':
      return { field: key, operator, value: toScalarList(criterion.value, at) };
    default: {
      const _exhaustive: never = operator;
      return _exhaustive;
    }
  }
}

function toScalar(value: unknown, field: string): CriterionScalar {
  if (
    (typeof value === 'string' && value.length <= MAX_TEXT_LENGTH) ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  throw invalid(
    PartnerErrorCode.INVALID_CRITERION,
    `must be text of at most ${MAX_TEXT_LENGTH} characters, a number or true/false`,
    field,
  );
}

function toScalarList(value: unknown, field: string): CriterionScalar[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IN_VALUES) {
    throw invalid(
      PartnerErrorCode.INVALID_CRITERION,
      `in compares with a list of 1 to ${MAX_IN_VALUES} values`,
      field,
    );
  }
  return value.map((item: unknown, index) => toScalar(item, `${field}[${index}]`));
}

/** Refuses a selection priority that is not a whole number from 0 to 100. */
export function toSelectionPriority(priority: unknown, field: string): number {
  if (
    typeof priority !== 'number' ||
    !Number.isSafeInteger(priority) ||
    priority < MIN_SELECTION_PRIORITY ||
    priority > MAX_SELECTION_PRIORITY
  ) {
    throw invalid(
      PartnerErrorCode.INVALID_SELECTION_PRIORITY,
      `must be a whole number from ${MIN_SELECTION_PRIORITY} to ${MAX_SELECTION_PRIORITY} (higher is chosen first)`,
      field,
    );
  }
  return priority;
}
