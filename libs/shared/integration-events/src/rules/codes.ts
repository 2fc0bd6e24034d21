import {
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  Matches,
  MaxLength,
  ValidationOptions,
} from 'class-validator';

type Decorators = PropertyDecorator[];

function all(decorators: Decorators): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorate of decorators) {
      decorate(target, propertyKey);
    }
  };
}

/**
 * An ISO 3166-1 alpha-2 country code in upper case (`GB`). validator.js accepts
 * `gb` too; the pattern keeps one spelling, as the JSON Schema says.
 */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  const message = '$property must be an ISO 3166-1 alpha-2 country code in upper case, e.g. GB';
  return all([
    Matches(/^[A-Z]{2}$/, { ...options, message }),
    IsISO31661Alpha2({ ...options, message }),
  ]);
}

/** An ISO 4217 currency code in upper case (`GBP`). */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  const message = '$property must be an ISO 4217 currency code in upper case, e.g. GBP';
  return all([
    Matches(/^[A-Z]{3}$/, { ...options, message }),
    IsISO4217CurrencyCode({ ...options, message }),
  ]);
}

/**
 * A phone number in E.164: `+`, country code and subscriber number, digits only,
 * at most 15 digits (`+447700900123`). One spelling, so numbers compare equal.
 */
export function IsE164PhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return Matches(/^\+[1-9]\d{6,14}$/, {
    ...options,
    message:
      '$property must be an E.164 phone number: +, country code and number, digits only, e.g. +447700900123',
  });
}

/** A lower-case slug of at most `max` characters (`mortgage`, `home-insurance`). */
export function IsSlug(max = 50, options?: ValidationOptions): PropertyDecorator {
  const message = `$property must be a lower-case slug of at most ${max} characters (a-z, 0-9 and single hyphens), e.g. home-insurance`;
  return all([
    Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { ...options, message }),
    MaxLength(max, { ...options, message }),
  ]);
}
