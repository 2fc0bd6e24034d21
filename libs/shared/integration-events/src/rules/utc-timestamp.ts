import {
  Validate,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { JsonObject } from '../json';

// Z only: an offset such as +01:00 names the same instant, but every stored and
// compared timestamp in LeadRail is UTC, and one spelling keeps string
// comparison, de-duplication and audit output unambiguous.
const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

/** True for an ISO 8601 UTC timestamp ending in `Z` that names a real instant. */
export function isUtcTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const match = UTC_TIMESTAMP.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches dates that do not exist.
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** The class-validator constraint behind {@link IsUtcTimestamp}. */
@ValidatorConstraint({ name: 'isUtcTimestamp' })
export class UtcTimestampConstraint implements ValidatorConstraintInterface {
  static jsonSchema(): JsonObject {
    return { type: 'string', format: 'date-time', pattern: UTC_TIMESTAMP.source };
  }

  validate(value: unknown): boolean {
    return isUtcTimestamp(value);
  }

  defaultMessage(): string {
    return '$property must be an ISO 8601 UTC timestamp ending in Z, e.g. 2026-11-25T09:00:00.000Z';
  }
}

/** An ISO 8601 timestamp in UTC with a `Z` suffix (`2026-11-25T09:00:00.000Z`); offsets are refused. */
export function IsUtcTimestamp(options?: ValidationOptions): PropertyDecorator {
  return Validate(UtcTimestampConstraint, options);
}
