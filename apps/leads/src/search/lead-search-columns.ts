import type { LeadState } from '@leadrail/leads-domain';

/** The columns of `lead_search` that follow from the lead's folded state alone. */
export interface LeadStateColumns {
  stage: string;
  introducer_id: string | null;
  lead_type: string | null;
  external_reference: string | null;
  status: string | null;
  partner_id: string | null;
  referred_partner_id: string | null;
  received_at: string | null;
  allocated_at: string | null;
  delivered_at: string | null;
  duplicate_of: string | null;
  rejection_code: string | null;
  erased_at: string | null;
}

/**
 * The searchable columns of a lead, derived from the state the domain's own
 * `evolveLead` folded, so search cannot disagree with the aggregate. The
 * partner is the one the lead is allocated or delivered to (after a failed
 * delivery, none: the lead is routed afresh); a pending referral is apart.
 */
export function leadStateColumns(state: LeadState): LeadStateColumns {
  const none: LeadStateColumns = {
    stage: state.stage,
    introducer_id: null,
    lead_type: null,
    external_reference: null,
    status: null,
    partner_id: null,
    referred_partner_id: null,
    received_at: null,
    allocated_at: null,
    delivered_at: null,
    duplicate_of: null,
    rejection_code: null,
    erased_at: null,
  };
  if (state.stage === 'new') {
    return none;
  }
  const details = state.details;
  const described = {
    ...none,
    introducer_id: details?.introducerId ?? null,
    lead_type: details?.leadType ?? null,
    external_reference: details?.externalReference ?? null,
    received_at: details?.receivedAt ?? null,
    erased_at: state.erasedAt ?? null,
  };
  switch (state.stage) {
    case 'rejected':
      return {
        ...described,
        rejection_code: state.rejection.code,
        duplicate_of: state.rejection.duplicateOf?.originalLeadId ?? null,
      };
    case 'received':
      return { ...described, duplicate_of: state.duplicateOf?.originalLeadId ?? null };
    case 'referred':
      return {
        ...described,
        duplicate_of: state.duplicateOf?.originalLeadId ?? null,
        referred_partner_id: state.referral.partnerId,
      };
    case 'allocated':
      return {
        ...described,
        duplicate_of: state.duplicateOf?.originalLeadId ?? null,
        partner_id: state.allocation.partnerId,
        allocated_at: state.allocation.allocatedAt,
      };
    case 'delivered':
    case 'returned':
      return {
        ...described,
        duplicate_of: state.duplicateOf?.originalLeadId ?? null,
        partner_id: state.allocation.partnerId,
        allocated_at: state.allocation.allocatedAt,
        delivered_at: state.delivery.deliveredAt,
        status: state.status,
      };
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}
