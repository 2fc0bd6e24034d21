import { JsonObject } from '@leadrail/integration-events';
import {
  Validate,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

// An area (`SW`) or a district, the outward code (`SW1A`), in upper case.
const AREA_OR_DISTRICT = /^[A-Z]{1,2}([0-9][0-9A-Z]?)?$/;
const MAX_POSTCODES = 3_000;

/** The constraint behind {@link ArePostcodeAreasOrDistricts}. */
@ValidatorConstraint({ name: 'arePostcodeAreasOrDistricts' })
export class PostcodesConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    return {
      type: 'array',
      maxItems: MAX_POSTCODES,
      uniqueItems: true,
      items: { type: 'string', pattern: AREA_OR_DISTRICT.source },
    };
  }

  validate(value: unknown): boolean {
    return (
      Array.isArray(value) &&
      value.length <= MAX_POSTCODES &&
      new Set(value).size === value.length &&
      value.every((item) => typeof item === 'string' && AREA_OR_DISTRICT.test(item))
    );
  }

  defaultMessage(): string {
    return `$property must be at most ${MAX_POSTCODES} distinct UK postcode areas (SW) or districts (SW1A), in upper case`;
  }
}

/**
 * UK postcode areas or districts, upper case, each once. The partners service
 * also checks the area exists; the contract promises only the shape, so an
 * area it learns later is not a breaking change.
 */
export function ArePostcodeAreasOrDistricts(options?: ValidationOptions): PropertyDecorator {
  return Validate(PostcodesConstraint, options);
}
