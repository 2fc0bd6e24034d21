import { hasTextLength, JsonObject } from '@leadrail/integration-events';
import { Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** The constraint behind {@link IsFieldPath}. */
@ValidatorConstraint({ name: 'isFieldPath' })
export class FieldPathConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    // JSON Schema counts code points; 8 per character is the bound IsText states too.
    return { type: 'string', maxLength: 200 * 8 };
  }

  validate(value: unknown): boolean {
    return typeof value === 'string' && hasTextLength(value, 0, 200);
  }

  defaultMessage(): string {
    return '$property must be a field path of at most 200 characters, or empty for the lead as a whole';
  }
}

/**
 * The path of a field inside the submitted lead (`contact.email`), or empty
 * when a problem concerns the lead as a whole: empty is a value here, not a
 * missing one, so `IsText` (1 character at least) does not fit.
 */
export function IsFieldPath(): PropertyDecorator {
  return Validate(FieldPathConstraint);
}
