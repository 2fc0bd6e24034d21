import {
  IsString,
  Matches,
  Validate,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  type ValidationArguments,
} from 'class-validator';
import type { JsonObject } from '../json';
import { CODE_POINTS_PER_CHARACTER, hasTextLength } from './text-length';

/** The constraint behind {@link IsText}'s length: characters as a person sees them. */
@ValidatorConstraint({ name: 'textLength' })
export class TextLengthConstraint implements ValidatorConstraintInterface {
  /** JSON Schema counts code points: the bound it can state is the code-point one. */
  static jsonSchema([max]: readonly unknown[]): JsonObject {
    return {
      type: 'string',
      minLength: 1,
      maxLength: Number(max) * CODE_POINTS_PER_CHARACTER,
      description: `1 to ${String(max)} characters as a person sees them (grapheme clusters)`,
    };
  }

  validate(value: unknown, args: ValidationArguments): boolean {
    const [max] = args.constraints as [number];
    return typeof value === 'string' && hasTextLength(value, 1, max);
  }

  defaultMessage(args: ValidationArguments): string {
    const [max] = args.constraints as [number];
    return `$property must be 1 to ${max} characters`;
  }
}

/**
 * Free text of 1 to `max` characters (grapheme clusters, so 150 emoji fit in
 * 200) that is not only white space: a name of "  " would pass a length rule
 * and reach a partner as nothing.
 */
export function IsText(max: number, options?: ValidationOptions): PropertyDecorator {
  const decorators = [
    IsString(options),
    Validate(TextLengthConstraint, [max], options),
    Matches(/\S/, { ...options, message: '$property must not be blank' }),
  ];
  return (target, propertyKey) => {
    for (const decorate of decorators) {
      decorate(target, propertyKey);
    }
  };
}
