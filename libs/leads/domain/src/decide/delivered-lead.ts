import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadActor } from '../model/command-metadata';
import type { DeliveredLead, LiveLead } from '../model/lead-state';

/**
 * The lead, once delivered and not returned; for a partner, only when it was
 * delivered to that partner. Status and returns are about a delivered lead.
 */
export function deliveredLead(lead: LiveLead, actor: LeadActor): DeliveredLead {
  if (lead.stage === 'returned') {
    throw new LeadError(LeadErrorCode.LEAD_RETURNED, `lead ${lead.id} was returned`);
  }
  if (lead.stage !== 'delivered') {
    throw new LeadError(LeadErrorCode.LEAD_NOT_DELIVERED, `lead ${lead.id} is not delivered yet`);
  }
  if (actor.type === 'partner' && lead.allocation.partnerId !== actor.id) {
    throw new LeadError(
      LeadErrorCode.NOT_ALLOCATED_TO_PARTNER,
      `lead ${lead.id} was not delivered to partner ${actor.id}`,
      'metadata.actor.id',
    );
  }
  return lead;
}
