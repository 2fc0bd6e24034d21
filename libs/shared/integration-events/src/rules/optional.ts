import { ValidateIf, ValidationOptions } from 'class-validator';

/**
 * An optional property: it may be absent, but a value that is present, `null`
 * included, must pass the property's other rules.
 *
 * class-validator's `IsOptional` also lets `null` through, while the generated
 * JSON Schema (`type: string`, say) refuses it; publishers would then face two
 * different contracts. Absent means absent.
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
