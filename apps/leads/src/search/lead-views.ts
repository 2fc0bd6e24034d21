import type { LeadContactDetails, LeadState } from '@leadrail/leads-domain';
import type { LeadHistoryEntry } from './lead-history-entry';
import type { LeadDetailRow, LeadSearchRow } from './lead-search-row';

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function area(row: LeadSearchRow) {
  return { country: row.country, city: row.city, postcodeDistrict: row.postcode_district };
}

/** The searchable contact of a row; null once erased (or never opened). */
function searchFields(row: LeadSearchRow) {
  return row.first_name === null
    ? null
    : {
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
        phone: row.phone,
        postcode: row.postcode,
      };
}

/** A lead in an operator's search results. */
export function operatorListItem(row: LeadSearchRow) {
  return {
    leadId: row.lead_id,
    stage: row.stage,
    status: row.status,
    leadType: row.lead_type,
    introducerId: row.introducer_id,
    externalReference: row.external_reference,
    partnerId: row.partner_id,
    referredPartnerId: row.referred_partner_id,
    recordedAt: row.recorded_at.toISOString(),
    receivedAt: iso(row.received_at),
    allocatedAt: iso(row.allocated_at),
    deliveredAt: iso(row.delivered_at),
    area: area(row),
    duplicateOf: row.duplicate_of,
    rejectionCode: row.rejection_code,
    erased: row.erased_at !== null,
    contact: searchFields(row),
  };
}

/** A lead in a partner's search results: its own lead, without the operator's bookkeeping. */
export function partnerListItem(row: LeadSearchRow) {
  return {
    leadId: row.lead_id,
    stage: row.stage,
    status: row.status,
    leadType: row.lead_type,
    externalReference: row.external_reference,
    recordedAt: row.recorded_at.toISOString(),
    allocatedAt: iso(row.allocated_at),
    deliveredAt: iso(row.delivered_at),
    area: area(row),
    erased: row.erased_at !== null,
    contact: searchFields(row),
  };
}

function answersOf(state: LeadState) {
  return state.stage === 'new' ? null : (state.details?.answers ?? null);
}

/** One lead for an operator: everything, the contact opened (or `erased: true`), and its whole trail. */
export function operatorLeadDetail(
  row: LeadDetailRow,
  contact: LeadContactDetails | null,
  history: LeadHistoryEntry[],
) {
  const state = row.state;
  const live = state.stage !== 'new' && state.stage !== 'rejected' ? state : null;
  return {
    ...operatorListItem(row),
    contact,
    answers: answersOf(state),
    consent: state.stage === 'new' ? null : (state.details?.consent ?? null),
    source: live?.source ?? null,
    rejection: state.stage === 'rejected' ? state.rejection : null,
    referrals: live?.referrals ?? [],
    deliveryFailures: live?.deliveryFailures ?? [],
    returnRequest:
      state.stage === 'delivered' || state.stage === 'returned' ? state.returnRequest : null,
    billingProgress: live?.billingProgress ?? null,
    history,
  };
}

/** One of the partner's own leads: the contact opened (or `erased: true`), and its part of the trail. */
export function partnerLeadDetail(
  row: LeadDetailRow,
  contact: LeadContactDetails | null,
  history: LeadHistoryEntry[],
) {
  const state = row.state;
  return {
    ...partnerListItem(row),
    view: 'full' as const,
    contact,
    answers: answersOf(state),
    returnRequest:
      state.stage === 'delivered' || state.stage === 'returned' ? state.returnRequest : null,
    // Which operator or process acted is the operator's business; the partner sees what happened.
    history: history.map(({ revision, type, occurredAt, actorType, partnerId, status }) => ({
      revision,
      type,
      occurredAt,
      actorType,
      partnerId,
      status,
    })),
  };
}

/**
 * A referral waiting for the partner's answer: enough to decide (lead type,
 * coarse area, the form's answers) and nothing that identifies the person
 * (no name, email, phone or street) until it accepts.
 */
export function redactedReferral(row: LeadDetailRow) {
  const state = row.state;
  const referral = state.stage === 'referred' ? state.referral : null;
  return {
    leadId: row.lead_id,
    view: 'referral' as const,
    stage: row.stage,
    leadType: row.lead_type,
    area: area(row),
    answers: answersOf(state),
    referredAt: referral?.referredAt ?? null,
    expiresAt: referral?.expiresAt ?? null,
  };
}
