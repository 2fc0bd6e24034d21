import type { LeadEvent } from '../events/lead-events';
import type { LeadState, LiveLead, ReferralRecord } from '../model/lead-state';
import { fromReferral, fromRouting, withReturn, withoutRouting } from './evolve-steps';

/**
 * Folds one event into the lead's state. Pure and total: recorded events are
 * facts, so evolve never refuses one. An event that meets a stage decide could
 * not have written it in changes nothing.
 */
export function evolveLead(state: LeadState, event: LeadEvent): LeadState {
  switch (event.type) {
    case 'LeadReceived': {
      const { leadId, details, source, recordedAt } = event.data;
      return {
        stage: 'received',
        id: leadId,
        details,
        source,
        recordedAt,
        duplicateOf: null,
        referrals: [],
        deliveryFailures: [],
        billingProgress: null,
      };
    }
    case 'LeadRejected':
      return {
        stage: 'rejected',
        id: event.data.leadId,
        rejection: event.data.rejection,
        details: state.stage === 'received' ? state.details : null,
        // An erasure stays erased whatever happens to the lead next.
        ...(state.stage !== 'new' && state.erasedAt !== undefined
          ? { erasedAt: state.erasedAt }
          : {}),
      };
    case 'LeadLinkedAsDuplicate':
      return live(state, (lead) => ({ ...lead, duplicateOf: event.data.duplicateOf }));
    case 'LeadAllocated':
      return live(state, (lead) => fromRouting(lead, event.data));
    case 'LeadReferred': {
      const { partnerId, referredAt, expiresAt } = event.data;
      const referral: ReferralRecord = { partnerId, referredAt, expiresAt, outcome: 'pending' };
      return live(state, (lead) => ({
        ...lead,
        stage: 'referred',
        referral,
        referrals: [...lead.referrals, referral],
      }));
    }
    case 'ReferralAccepted':
      return live(state, (lead) => fromReferral(lead, 'accepted', event.data.acceptedAt));
    case 'ReferralDeclined':
      return live(state, (lead) => fromReferral(lead, 'declined', event.data.declinedAt));
    case 'ReferralExpired':
      return live(state, (lead) => fromReferral(lead, 'expired', event.data.expiredAt));
    case 'LeadDelivered': {
      const { deliveredAt, partnerReference } = event.data;
      return live(state, (lead) =>
        lead.stage === 'allocated'
          ? {
              ...lead,
              stage: 'delivered',
              delivery: { deliveredAt, partnerReference },
              status: null,
              returnRequest: null,
            }
          : lead,
      );
    }
    case 'LeadDeliveryFailed': {
      const { partnerId, failedAt, reason } = event.data;
      return live(state, (lead) => ({
        ...withoutRouting(lead),
        deliveryFailures: [...lead.deliveryFailures, { partnerId, failedAt, reason }],
      }));
    }
    case 'LeadStatusChanged': {
      const { status, billingPointsReached } = event.data;
      return live(state, (lead) =>
        lead.stage === 'delivered'
          ? {
              ...lead,
              status,
              billingProgress: billingPointsReached.at(-1) ?? lead.billingProgress,
            }
          : lead,
      );
    }
    case 'LeadPersonalDataErased':
      return state.stage === 'new' ? state : { ...state, erasedAt: event.data.erasedAt };
    case 'ReturnRequested':
    case 'ReturnAccepted':
    case 'ReturnDeclined':
      return live(state, (lead) => withReturn(lead, event));
    default: {
      // A new event type fails to compile here until it is folded.
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function live(state: LeadState, change: (lead: LiveLead) => LiveLead): LeadState {
  return state.stage === 'new' || state.stage === 'rejected' ? state : change(state);
}
