import type { ReturnAccepted, ReturnDeclined, ReturnRequested } from '../events/lead-events';
import type { LiveLead, ReferralRecord } from '../model/lead-state';

/** The lead back in the queue for routing, its history kept. */
export function withoutRouting(lead: LiveLead): LiveLead {
  const { id, details, source, recordedAt, duplicateOf, referrals, deliveryFailures } = lead;
  return {
    stage: 'received',
    id,
    details,
    source,
    recordedAt,
    duplicateOf,
    referrals,
    deliveryFailures,
    billingProgress: lead.billingProgress,
  };
}

/** Routing allocated the lead directly. */
export function fromRouting(
  lead: LiveLead,
  { partnerId, allocatedAt }: { partnerId: string; allocatedAt: string },
): LiveLead {
  return lead.stage === 'received'
    ? { ...lead, stage: 'allocated', allocation: { partnerId, allocatedAt, via: 'routing' } }
    : lead;
}

/**
 * The pending referral answered: accepted, the lead is allocated to the
 * partner and has reached billing point `accepted`; otherwise it goes back to routing.
 */
export function fromReferral(
  lead: LiveLead,
  outcome: Exclude<ReferralRecord['outcome'], 'pending'>,
  at: string,
): LiveLead {
  if (lead.stage !== 'referred') {
    return lead;
  }
  const answered: ReferralRecord = { ...lead.referral, outcome };
  const referrals = [...lead.referrals.slice(0, -1), answered];
  const base = withoutRouting({ ...lead, referrals });
  if (outcome !== 'accepted') {
    return base;
  }
  return {
    ...base,
    stage: 'allocated',
    allocation: { partnerId: answered.partnerId, allocatedAt: at, via: 'referral' },
    billingProgress: base.billingProgress ?? 'accepted',
  };
}

/** A return requested, accepted (the lead is returned) or declined. */
export function withReturn(
  lead: LiveLead,
  event: ReturnRequested | ReturnAccepted | ReturnDeclined,
): LiveLead {
  if (lead.stage !== 'delivered') {
    return lead;
  }
  switch (event.type) {
    case 'ReturnRequested': {
      const { reason, requestedAt, windowEndsAt } = event.data;
      const request = {
        reason,
        requestedAt,
        windowEndsAt,
        outcome: 'pending',
        decidedBy: null,
      } as const;
      return { ...lead, returnRequest: request };
    }
    case 'ReturnAccepted':
      return lead.returnRequest === null
        ? lead
        : {
            ...lead,
            stage: 'returned',
            returnRequest: {
              ...lead.returnRequest,
              outcome: 'accepted',
              decidedBy: event.data.acceptedBy,
            },
          };
    case 'ReturnDeclined':
      return lead.returnRequest === null
        ? lead
        : {
            ...lead,
            returnRequest: {
              ...lead.returnRequest,
              outcome: 'declined',
              decidedBy: event.data.declinedBy,
            },
          };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
