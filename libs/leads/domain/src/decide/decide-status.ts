import type { ChangeLeadStatus } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadStatusChanged } from '../events/lead-events';
import { billingPointRank, billingPointsBetween } from '../model/billing-points';
import type { LiveLead } from '../model/lead-state';
import { statusDefinition } from '../validation/status-catalogue';
import { deliveredLead } from './delivered-lead';

/**
 * Gives a delivered lead a status from the catalogue in force. A status that
 * stands for a billing point the lead has passed is refused, so each billing
 * point is reached at most once (and charged at most once); the event names the
 * billing points this change reaches. Statuses without a billing point (say,
 * `callback-booked`) may be set at any time. The same status again: no event.
 */
export function decideStatus(command: ChangeLeadStatus, live: LiveLead): LeadStatusChanged[] {
  const definition = statusDefinition(command.data.catalogue, command.data.status);
  const lead = deliveredLead(live, command.metadata.actor);
  if (lead.status === definition.status) {
    return [];
  }
  const rank = billingPointRank(definition.billingPoint);
  const progress = billingPointRank(lead.billingProgress);
  if (definition.billingPoint !== null && rank < progress) {
    throw new LeadError(
      LeadErrorCode.STATUS_MOVES_BACKWARD,
      `lead ${lead.id} has reached ${String(lead.billingProgress)}; ${definition.status} (${definition.billingPoint}) would move it back`,
      'status',
    );
  }
  const reached =
    rank > progress ? billingPointsBetween(lead.billingProgress, definition.billingPoint) : [];
  return [
    {
      type: 'LeadStatusChanged',
      data: {
        leadId: lead.id,
        partnerId: lead.allocation.partnerId,
        status: definition.status,
        previousStatus: lead.status,
        billingPointsReached: reached,
        changedBy: { ...command.metadata.actor },
        changedAt: command.metadata.occurredAt,
      },
    },
  ];
}
