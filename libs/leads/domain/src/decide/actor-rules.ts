import type { LeadCommand, LeadCommandType } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadActorType } from '../model/command-metadata';

// Who may issue what. Introducers only submit; partners act on leads offered,
// allocated or delivered to them; operators decide returns and may act for a
// partner; the system (intake, routing, delivery, timers) does the rest.
const MAY_ISSUE: Record<LeadCommandType, readonly LeadActorType[]> = {
  ReceiveLead: ['introducer', 'system'],
  RejectLead: ['system', 'operator'],
  LinkDuplicate: ['system'],
  AllocateLead: ['system', 'operator'],
  ReferLead: ['system', 'operator'],
  AcceptReferral: ['partner', 'operator'],
  DeclineReferral: ['partner', 'operator'],
  ExpireReferral: ['system'],
  RecordDelivery: ['system'],
  RecordDeliveryFailure: ['system'],
  ChangeLeadStatus: ['partner', 'operator', 'system'],
  RequestReturn: ['partner'],
  AcceptReturn: ['operator'],
  DeclineReturn: ['operator'],
  ErasePersonalData: ['operator'],
};

function notAllowed(message: string, field: string): LeadError {
  return new LeadError(LeadErrorCode.ACTOR_NOT_ALLOWED, message, field);
}

/**
 * Refuses a command its actor may not issue, before the lead is looked at, so
 * a refusal here says nothing about the lead. A partner speaks only for itself
 * and an introducer only submits its own leads.
 */
export function assertActorMayIssue(command: LeadCommand): void {
  const actor = command.metadata.actor;
  if (!MAY_ISSUE[command.type].includes(actor.type)) {
    throw notAllowed(`${actor.type} may not ${command.type}`, 'metadata.actor.type');
  }
  const data = command.data;
  const partnerId = 'partnerId' in data ? data.partnerId : undefined;
  const introducerId: unknown = 'introducerId' in data ? data.introducerId : undefined;
  if (actor.type === 'partner' && partnerId !== undefined && partnerId !== actor.id) {
    throw notAllowed('a partner may act only for itself', 'metadata.actor.id');
  }
  if (
    actor.type === 'introducer' &&
    (typeof introducerId !== 'string' || introducerId.toLowerCase() !== actor.id.toLowerCase())
  ) {
    throw notAllowed('an introducer may submit only its own leads', 'metadata.actor.id');
  }
}
