import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { ContactDetails, TextAlerts } from '../model/partner-settings';

// E.164: a plus, a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{1,14}$/;
// A practical address check (one @, a dotted domain of valid labels); delivery proves the rest.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const MAX_EMAIL_LENGTH = 254;

/** Refuses a phone number not in E.164 form (`+447700900123`). */
export function assertE164(phone: string, field: string): void {
  if (typeof phone !== 'string' || !E164.test(phone)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_PHONE,
      'must be an E.164 number such as +447700900123',
      field,
    );
  }
}

/** Refuses a malformed email address. */
export function assertEmail(email: string, field: string): void {
  if (typeof email !== 'string' || email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_EMAIL,
      'must be an email address such as leads@example.com',
      field,
    );
  }
}

/** The contact details checked and copied; an omitted detail is not set (null). */
export function toContactDetails(contact: Partial<ContactDetails>, field: string): ContactDetails {
  const details: ContactDetails = {
    phone: contact.phone ?? null,
    email: contact.email ?? null,
    transferPhone: contact.transferPhone ?? null,
  };
  if (details.phone !== null) {
    assertE164(details.phone, `${field}.phone`);
  }
  if (details.email !== null) {
    assertEmail(details.email, `${field}.email`);
  }
  if (details.transferPhone !== null) {
    assertE164(details.transferPhone, `${field}.transferPhone`);
  }
  return details;
}

/** The text alert switches copied, so no stray property reaches the log. */
export function toTextAlerts(alerts: TextAlerts): TextAlerts {
  return { onReferral: alerts.onReferral, onLowFunds: alerts.onLowFunds };
}

/**
 * Text alerts go to the contact phone: refuses alerts switched on with no
 * phone to send them to, whichever of the two is being changed.
 */
export function assertTextAlertsReachable(
  contact: ContactDetails,
  alerts: TextAlerts,
  field: string,
): void {
  if ((alerts.onReferral || alerts.onLowFunds) && contact.phone === null) {
    throw new PartnerError(
      PartnerErrorCode.TEXT_ALERTS_NEED_PHONE,
      field.startsWith('contact')
        ? 'text alerts are on and need this phone number: turn them off first'
        : 'text alerts need a contact phone number: set one first',
      field,
    );
  }
}
