import { JsonObject, isJsonObject } from '@leadrail/integration-events';
import {
  Validate,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/**
 * The constraint behind {@link HasEmailOrPhone}. It sits on the property that
 * holds the contact because class-validator has no class-level rules, and the
 * problem belongs to the contact, not to either field.
 */
@ValidatorConstraint({ name: 'hasEmailOrPhone' })
export class EmailOrPhoneConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    return { anyOf: [{ required: ['email'] }, { required: ['phone'] }] };
  }

  validate(value: unknown): boolean {
    // A contact that is not an object is reported by its type rule.
    return !isJsonObject(value) || value.email !== undefined || value.phone !== undefined;
  }

  defaultMessage(): string {
    return '$property must have an email or a phone (at least one), or the lead cannot be contacted';
  }
}

/** The contact held by this property must have an email, a phone, or both. */
export function HasEmailOrPhone(options?: ValidationOptions): PropertyDecorator {
  return Validate(EmailOrPhoneConstraint, options);
}
