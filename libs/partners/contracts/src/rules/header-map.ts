import { JsonObject, isJsonObject } from '@leadrail/integration-events';
import {
  Validate,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** The constraint behind {@link AreHeaders}. */
@ValidatorConstraint({ name: 'areHeaders' })
export class HeadersConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    return { type: 'object', additionalProperties: { type: 'string' } };
  }

  validate(value: unknown): boolean {
    return isJsonObject(value) && Object.values(value).every((v) => typeof v === 'string');
  }

  defaultMessage(): string {
    return '$property must be an object of header names to text values';
  }
}

/**
 * Request headers by name, each value text. The partners service checks names
 * and values when they are set; the contract only promises the shape, so a
 * header it starts allowing later is not a breaking change.
 */
export function AreHeaders(options?: ValidationOptions): PropertyDecorator {
  return Validate(HeadersConstraint, options);
}
