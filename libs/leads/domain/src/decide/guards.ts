import type { LeadCommand } from '../commands/lead-commands';
import { LeadError, LeadErrorCode, leadNotFound } from '../errors/lead-error';
import { canonicalLeadId } from '../model/lead-stream';
import type { LeadState, LiveLead } from '../model/lead-state';

/** Every partner the lead was ever offered, allocated or delivered to. */
export function partnersOf(lead: LiveLead): Set<string> {
  const partners = new Set(lead.referrals.map((referral) => referral.partnerId));
  if ('allocation' in lead) {
    partners.add(lead.allocation.partnerId);
  }
  return partners;
}

/**
 * The received lead a command is for. A lead that does not exist, and one a
 * partner acts on that was never its own, are refused alike (nothing is
 * revealed); a rejected lead is final; the id check catches a command sent
 * down the wrong stream.
 */
export function liveLead(state: LeadState, command: LeadCommand): LiveLead {
  const leadId = command.data.leadId;
  if (state.stage === 'new') {
    throw leadNotFound(leadId);
  }
  if (canonicalLeadId(String(leadId)) !== state.id) {
    throw new LeadError(
      LeadErrorCode.LEAD_ID_MISMATCH,
      `this stream holds lead ${state.id}`,
      'leadId',
    );
  }
  const actor = command.metadata.actor;
  if (
    actor.type === 'partner' &&
    (state.stage === 'rejected' || !partnersOf(state).has(actor.id))
  ) {
    throw leadNotFound(leadId);
  }
  if (state.stage === 'rejected') {
    throw new LeadError(LeadErrorCode.LEAD_REJECTED, `lead ${state.id} was rejected`);
  }
  return state;
}

/** The refusal for a command that needs the lead waiting for routing, at another stage. */
export function notAwaitingRouting(lead: LiveLead): LeadError {
  switch (lead.stage) {
    case 'referred':
      return new LeadError(
        LeadErrorCode.REFERRAL_PENDING,
        `lead ${lead.id} is offered to partner ${lead.referral.partnerId} until ${lead.referral.expiresAt}`,
      );
    case 'allocated':
      return new LeadError(
        LeadErrorCode.ALREADY_ALLOCATED,
        `lead ${lead.id} is allocated to partner ${lead.allocation.partnerId}`,
      );
    case 'delivered':
    case 'returned':
      return new LeadError(
        LeadErrorCode.ALREADY_DELIVERED,
        `lead ${lead.id} was delivered to partner ${lead.allocation.partnerId}`,
      );
    case 'received':
      return new LeadError(LeadErrorCode.ALREADY_ROUTED, `lead ${lead.id} is waiting for routing`);
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}
