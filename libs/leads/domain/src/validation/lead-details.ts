import type { LeadDetails, LeadSubmission } from '../model/lead-details';

/**
 * The submitted lead copied field by field, optional fields only when given:
 * a stray property of a request never reaches the log.
 */
export function toLeadDetails(submission: LeadSubmission): LeadDetails {
  const { contact, consent } = submission;
  const address = contact.address;
  return {
    introducerId: submission.introducerId.toLowerCase(),
    leadType: submission.leadType,
    ...(submission.externalReference === undefined
      ? {}
      : { externalReference: submission.externalReference }),
    contact: {
      firstName: contact.firstName,
      lastName: contact.lastName,
      ...(contact.email === undefined ? {} : { email: contact.email }),
      ...(contact.phone === undefined ? {} : { phone: contact.phone }),
      ...(address === undefined
        ? {}
        : {
            address: {
              line1: address.line1,
              ...(address.line2 === undefined ? {} : { line2: address.line2 }),
              city: address.city,
              postcode: address.postcode,
              country: address.country,
            },
          }),
    },
    ...(submission.answers === undefined ? {} : { answers: { ...submission.answers } }),
    consent: {
      contactByPhone: consent.contactByPhone,
      contactByEmail: consent.contactByEmail,
      capturedAt: consent.capturedAt,
    },
    receivedAt: submission.receivedAt,
  };
}
