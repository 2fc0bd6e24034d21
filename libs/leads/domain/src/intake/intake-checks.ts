import type { LeadTypeRoutingMethod } from '@leadrail/leads-contracts';
import type { LeadDetails } from '../model/lead-details';
import type { LeadRejection } from '../model/lead-outcomes';

/** A lead type as the operator's catalogue holds it. */
export interface LeadTypeEntry {
  slug: string;
  name: string;
  active: boolean;
  /** How routing chooses among partners of equal priority for it (round-robin until set). */
  routingMethod: LeadTypeRoutingMethod;
}

/** What intake knows of the introducer: only an active introducer (or `both`) may send leads. */
export interface IntroducerStanding {
  active: boolean;
  type: 'partner' | 'introducer' | 'both';
}

/** What the checks before de-duplication need besides the lead. */
export interface IntakeContext {
  /** The catalogue entry of the lead's type, or null when the catalogue has none. */
  leadType: LeadTypeEntry | null;
  /** The introducer as the partners service last published it, or null when unknown. */
  introducer: IntroducerStanding | null;
}

function rejection(code: LeadRejection['code'], field: string, message: string): LeadRejection {
  return { code, reasons: [{ field, message }], duplicateOf: null };
}

/**
 * The person agreed to be contacted through at least one way the lead gives:
 * a lead with only a phone number and no consent to calls cannot be sold.
 */
function hasUsableConsent(details: LeadDetails): boolean {
  const { contact, consent } = details;
  return (
    (contact.phone !== undefined && consent.contactByPhone) ||
    (contact.email !== undefined && consent.contactByEmail)
  );
}

/**
 * Why a valid lead must be refused before de-duplication, or null: its type is
 * unknown or inactive, its introducer is unknown, inactive or not an
 * introducer, or the person agreed to no contact the lead makes possible.
 * Checked in that order, so the introducer hears about its own set-up first.
 */
export function refusalBeforeDeduplication(
  details: LeadDetails,
  context: IntakeContext,
): LeadRejection | null {
  const { leadType, introducer } = context;
  if (leadType === null) {
    return rejection('UNKNOWN_LEAD_TYPE', 'leadType', `lead type ${details.leadType} is unknown`);
  }
  if (!leadType.active) {
    return rejection(
      'UNKNOWN_LEAD_TYPE',
      'leadType',
      `lead type ${details.leadType} is not accepted at the moment`,
    );
  }
  if (introducer === null || !introducer.active || introducer.type === 'partner') {
    return rejection(
      'INTRODUCER_NOT_ACTIVE',
      'introducerId',
      `introducer ${details.introducerId} may not submit leads (unknown, inactive or not an introducer)`,
    );
  }
  if (!hasUsableConsent(details)) {
    return rejection(
      'NO_CONSENT',
      'consent',
      'the person agreed to no contact this lead offers (contactByEmail with an email, or contactByPhone with a phone)',
    );
  }
  return null;
}
