import { IsSlug, Money, NestedObject, Nullable, Optional } from '@leadrail/integration-events';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Matches, Max, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  CRITERION_OPERATORS,
  type CriterionOperator,
  type CriterionScalar,
  IsCriterionValue,
  criterionValueByOperator,
} from '../rules/criterion-value';
import { ArePostcodeAreasOrDistricts } from '../rules/postcodes';

/** A test of one of the lead's answers; a lead without that answer does not match. */
@JSONSchema((schema) => ({ ...schema, allOf: criterionValueByOperator() }))
export class LeadCriterion {
  @JSONSchema({
    description:
      "The answer's key in the lead's answers, lower_snake_case (at most 64 characters), e.g. property_value.",
  })
  @Matches(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/)
  @MaxLength(64)
  field!: string;

  @JSONSchema({
    description:
      'eq, neq (equal or not to one value), gt, gte, lt, lte (compared with a number) or in (one of a list of values).',
  })
  @IsIn(CRITERION_OPERATORS)
  operator!: CriterionOperator;

  @JSONSchema({
    description:
      'Text, a number or true/false for eq and neq; a number for gt, gte, lt and lte; a list of 1-100 of those for in.',
  })
  @IsCriterionValue()
  value!: CriterionScalar | readonly CriterionScalar[];
}

/** The lowest weight a partner may buy a lead type with. */
export const MIN_LEAD_TYPE_WEIGHT = 1;
/** The highest weight a partner may buy a lead type with. */
export const MAX_LEAD_TYPE_WEIGHT = 100;

/** One lead type a partner buys, with what narrows it and what it pays. */
export class LeadTypeBought {
  @JSONSchema({
    description:
      "The lead type's slug, as the leads service defines it (LeadTypeDefined), e.g. mortgage.",
  })
  @IsSlug()
  leadType!: string;

  @JSONSchema({
    description:
      "UK postcode areas (SW) or districts (SW1A), upper case: the lead's postcode district must be one of them or in one of the areas. Empty: anywhere.",
  })
  @ArePostcodeAreasOrDistricts()
  postcodes!: readonly string[];

  @JSONSchema({
    description:
      "Tests of the lead's answers, all of which must hold (at most 20). Empty: any lead.",
  })
  @IsArray()
  @ArrayMaxSize(20)
  @NestedObject(() => LeadCriterion, { each: true })
  criteria!: readonly LeadCriterion[];

  @Nullable(
    "What the partner pays for a lead of this type, in its currency, overriding its Lead Value; null for the partner's Lead Value.",
  )
  @NestedObject(() => Money)
  leadValue!: Money | null;

  @JSONSchema({
    description:
      "The partner's share of this lead type's leads among eligible partners of equal selection priority when the lead type is routed by weight (the lead type's routingMethod weighted): a whole number from 1 to 100, e.g. 3 gets three times the leads of 1. Absent: 1.",
  })
  @Optional()
  @IsInt()
  @Min(MIN_LEAD_TYPE_WEIGHT)
  @Max(MAX_LEAD_TYPE_WEIGHT)
  weight?: number;
}
