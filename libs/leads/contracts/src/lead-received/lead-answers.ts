import { JsonObject, isJsonObject } from '@leadrail/integration-events';
import {
  Validate,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** One answer the person gave on the introducer's form. */
export type LeadAnswerValue = string | number | boolean;

/** Answers by question key, e.g. `{ property_value: 350000, first_time_buyer: true }`. */
export type LeadAnswers = Record<string, LeadAnswerValue>;

/** At most this many answers: they are copied into deliveries and templates. */
export const MAX_LEAD_ANSWERS = 50;
/** Longest question key. */
export const MAX_ANSWER_KEY_LENGTH = 64;
/** Longest text answer. */
export const MAX_ANSWER_TEXT_LENGTH = 1000;

// lower_snake_case keys can be used as template variables and column names as they are.
const ANSWER_KEY = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const SHOWN_PROBLEMS = 5;

function quoted(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

function valueIsAllowed(value: unknown): boolean {
  return (
    (typeof value === 'string' && value.length <= MAX_ANSWER_TEXT_LENGTH) ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  );
}

/**
 * What is wrong with a set of answers, one phrase per problem (empty when they
 * are valid). Keys and values are checked one by one so that a publisher
 * learns which answer to fix.
 */
export function leadAnswerProblems(value: unknown): string[] {
  if (!isJsonObject(value)) {
    return ['must be an object of answers keyed by lower_snake_case question keys'];
  }
  const entries = Object.entries(value);
  const tooMany =
    entries.length > MAX_LEAD_ANSWERS
      ? [`must hold at most ${MAX_LEAD_ANSWERS} answers (got ${entries.length})`]
      : [];
  const perAnswer = entries.flatMap(([key, answer]) => [
    ...(ANSWER_KEY.test(key) && key.length <= MAX_ANSWER_KEY_LENGTH
      ? []
      : [
          `key ${quoted(key)} must be lower_snake_case (a-z, 0-9 and single underscores, starting with a letter), at most ${MAX_ANSWER_KEY_LENGTH} characters`,
        ]),
    ...(valueIsAllowed(answer)
      ? []
      : [
          `answer ${quoted(key)} must be text of at most ${MAX_ANSWER_TEXT_LENGTH} characters, a number or true/false`,
        ]),
  ]);
  return [...tooMany, ...perAnswer];
}

/** The constraint behind {@link AreLeadAnswers}. */
@ValidatorConstraint({ name: 'areLeadAnswers' })
export class LeadAnswersConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    return {
      type: 'object',
      maxProperties: MAX_LEAD_ANSWERS,
      propertyNames: { pattern: ANSWER_KEY.source, maxLength: MAX_ANSWER_KEY_LENGTH },
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: MAX_ANSWER_TEXT_LENGTH },
          { type: 'number' },
          { type: 'boolean' },
        ],
      },
    };
  }

  validate(value: unknown): boolean {
    return leadAnswerProblems(value).length === 0;
  }

  defaultMessage(args: ValidationArguments): string {
    const problems = leadAnswerProblems(args.value);
    const shown = problems.slice(0, SHOWN_PROBLEMS);
    const more =
      problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
    return `$property ${shown.join('; ')}${more}`;
  }
}

/**
 * Up to 50 answers keyed by lower_snake_case question keys (at most 64
 * characters); each answer is text (at most 1000 characters), a number or a
 * boolean. Nested objects and lists are refused: partners' templates and
 * deliveries take flat values.
 */
export function AreLeadAnswers(options?: ValidationOptions): PropertyDecorator {
  return Validate(LeadAnswersConstraint, options);
}
