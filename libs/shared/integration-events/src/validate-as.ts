import { plainToInstance } from 'class-transformer';
import { validateSync, ValidatorOptions } from 'class-validator';
import {
  IntegrationEventProblem,
  problemsFromValidationErrors,
  reservedKeyProblems,
} from './problems';

/**
 * Strict on purpose: an unknown property is an error (a publisher's typo must
 * not silently drop a field), and nothing is converted ("12" stays a string and
 * fails a number rule). class-transformer only converts with
 * `enableImplicitConversion` or `@Type(() => Number)`, and contracts use neither.
 */
const STRICT: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: true },
};

/** Builds an instance of `type` from plain JSON and validates it; problem paths start at `root`. */
export function validateAs<T extends object>(
  type: new () => T,
  plain: Record<string, unknown>,
  root: string,
): { instance: T; problems: IntegrationEventProblem[] } {
  const instance = plainToInstance(type, plain);
  const problems = [
    ...reservedKeyProblems(plain, root),
    ...problemsFromValidationErrors(validateSync(instance, STRICT), root),
  ];
  return { instance, problems };
}
