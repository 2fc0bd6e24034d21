import { JsonObject } from '@leadrail/integration-events';
import {
  Validate,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** How a criterion compares the lead's answer with its value. */
export const CRITERION_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'] as const;

/** One of {@link CRITERION_OPERATORS}. */
export type CriterionOperator = (typeof CRITERION_OPERATORS)[number];

/** A value an answer is compared with: text, a number or true/false. */
export type CriterionScalar = string | number | boolean;

const MAX_TEXT_LENGTH = 1000;
const MAX_IN_VALUES = 100;

const SCALAR_SCHEMAS: JsonObject[] = [
  { type: 'string', maxLength: MAX_TEXT_LENGTH },
  { type: 'number' },
  { type: 'boolean' },
];

function isScalar(value: unknown): value is CriterionScalar {
  return (
    (typeof value === 'string' && value.length <= MAX_TEXT_LENGTH) ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  );
}

/** Whether `value` is of the type `operator` compares with. */
export function fitsOperator(operator: unknown, value: unknown): boolean {
  switch (operator) {
    case 'eq':
    case 'neq':
      return isScalar(value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof value === 'number' && Number.isFinite(value);
    case 'in':
      return (
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= MAX_IN_VALUES &&
        value.every(isScalar)
      );
    default:
      // An unknown operator is the operator's problem, reported there.
      return true;
  }
}

/** The constraint behind {@link IsCriterionValue}. */
@ValidatorConstraint({ name: 'isCriterionValue' })
export class CriterionValueConstraint implements ValidatorConstraintInterface {
  /** Any of the shapes; the criterion's class schema ties each operator to its own. */
  static jsonSchema(): JsonObject {
    return {
      anyOf: [
        ...SCALAR_SCHEMAS,
        { type: 'array', minItems: 1, maxItems: MAX_IN_VALUES, items: { anyOf: SCALAR_SCHEMAS } },
      ],
    };
  }

  validate(value: unknown, args: ValidationArguments): boolean {
    return fitsOperator((args.object as { operator?: unknown }).operator, value);
  }

  defaultMessage(): string {
    return `$property must fit the operator: text (at most ${MAX_TEXT_LENGTH} characters), a number or true/false for eq and neq; a number for gt, gte, lt and lte; a list of 1 to ${MAX_IN_VALUES} of those for in`;
  }
}

/** A criterion's value, of the type its sibling `operator` compares with. */
export function IsCriterionValue(options?: ValidationOptions): PropertyDecorator {
  return Validate(CriterionValueConstraint, options);
}

/** The JSON Schema `allOf` that ties each operator to the value type it compares with. */
export function criterionValueByOperator(): JsonObject[] {
  const when = (operators: string[], value: JsonObject): JsonObject => ({
    if: { properties: { operator: { enum: operators } } },
    then: { properties: { value } },
  });
  return [
    when(['eq', 'neq'], { anyOf: SCALAR_SCHEMAS }),
    when(['gt', 'gte', 'lt', 'lte'], { type: 'number' }),
    when(['in'], {
      type: 'array',
      minItems: 1,
      maxItems: MAX_IN_VALUES,
      items: { anyOf: SCALAR_SCHEMAS },
    }),
  ];
}
