import { hasTextLength, isUtcTimestamp } from '@leadrail/integration-events';
import { isUUID } from 'class-validator';
import { LeadError, LeadErrorCode } from '../errors/lead-error';

// Ids of partners and rules end up in events and stream names: a safe alphabet only.
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
// C0 and C1 controls would reach logs, emails and partners' systems.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function invalid(message: string, field: string): LeadError {
  return new LeadError(LeadErrorCode.INVALID_COMMAND, message, field);
}

/** Whether `value` is 1 to `max` characters, not blank, without control characters. */
export function isText(value: unknown, max: number): value is string {
  return (
    typeof value === 'string' &&
    hasTextLength(value, 1, max) &&
    /\S/.test(value) &&
    !CONTROL.test(value)
  );
}

/** Whether `value` is a UUID, the contract's rule for lead and introducer ids. */
export function isLeadUuid(value: unknown): value is string {
  return typeof value === 'string' && isUUID(value);
}

/** Refuses a partner id unfit for an event or a stream name. */
export function assertPartnerId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || !PARTNER_ID.test(value)) {
    throw invalid(
      'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
      field,
    );
  }
}

/** The text trimmed, or an error when it is blank, too long or holds control characters. */
export function requiredText(value: unknown, max: number, field: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!isText(trimmed, max)) {
    throw invalid(`must be 1-${max} characters, not blank, without control characters`, field);
  }
  return trimmed;
}

/** As {@link requiredText}, for text that may be left out (null then). */
export function optionalText(value: unknown, max: number, field: string): string | null {
  return value === undefined || value === null ? null : requiredText(value, max, field);
}

/** Refuses anything but a UTC instant with `Z`. */
export function assertUtcInstant(value: unknown, field: string): asserts value is string {
  if (!isUtcTimestamp(value)) {
    throw invalid(
      'must be an ISO 8601 UTC timestamp ending in Z, e.g. 2026-11-25T09:00:00Z',
      field,
    );
  }
}

/** Refuses anything but a UUID. */
export function assertUuid(value: unknown, field: string): asserts value is string {
  if (!isLeadUuid(value)) {
    throw invalid('must be a UUID', field);
  }
}
