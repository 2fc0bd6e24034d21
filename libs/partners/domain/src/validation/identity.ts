import { hasTextLength } from '@leadrail/integration-events';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import { hasControlCharacters } from './options';

// Ids end up in stream names (`partner-<id>`) and URLs: keep them to a safe alphabet.
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_NAME_LENGTH = 200;

/** Refuses a partner id unfit for a stream name. */
export function assertPartnerId(partnerId: string, field: string): void {
  if (typeof partnerId !== 'string' || !PARTNER_ID.test(partnerId)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_PARTNER_ID,
      'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
      field,
    );
  }
}

/** The name trimmed, or an error when nothing printable is left or it is too long. */
export function normalizedName(name: string, field: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  // Counted as a person counts characters: 150 emoji are a 150-character name.
  if (!hasTextLength(trimmed, 1, MAX_NAME_LENGTH) || hasControlCharacters(trimmed)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_NAME,
      `must be 1-${MAX_NAME_LENGTH} characters without control characters`,
      field,
    );
  }
  return trimmed;
}

/** The reason trimmed; deactivations must say why, for the audit trail. */
export function requiredReason(reason: string, field: string): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length === 0) {
    throw new PartnerError(PartnerErrorCode.REASON_REQUIRED, 'a reason is required', field);
  }
  return trimmed;
}
