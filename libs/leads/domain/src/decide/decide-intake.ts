import type { LinkDuplicate, ReceiveLead, RejectLead } from '../commands/lead-commands';
import { LeadError, LeadErrorCode } from '../errors/lead-error';
import type { LeadLinkedAsDuplicate, LeadReceived, LeadRejected } from '../events/lead-events';
import { canonicalLeadId } from '../model/lead-stream';
import type { LeadState, LiveLead } from '../model/lead-state';
import { isUnchanged } from '../rules/unchanged';
import { toLeadDetails } from '../validation/lead-details';
import { leadProblems } from '../validation/lead-problems';
import { toDuplicateLink, toLeadRejection } from '../validation/outcomes';

/**
 * Records a valid lead. An invalid one is refused with every field problem
 * (`INVALID_LEAD`), which intake answers with or records as `LeadRejected`. The
 * same lead submitted again (a retry, or the other intake) changes nothing.
 */
export function decideReceive(command: ReceiveLead, state: LeadState): LeadReceived[] {
  const { source, ...submission } = command.data;
  const problems = leadProblems(submission);
  const [first] = problems;
  if (first !== undefined) {
    throw new LeadError(LeadErrorCode.INVALID_LEAD, first.message, first.field, problems);
  }
  const leadId = canonicalLeadId(submission.leadId);
  const details = toLeadDetails(submission);
  if (state.stage === 'rejected') {
    throw new LeadError(LeadErrorCode.LEAD_REJECTED, `lead ${leadId} was rejected`);
  }
  if (state.stage !== 'new') {
    if (isUnchanged(state.details, details)) {
      return [];
    }
    throw new LeadError(
      LeadErrorCode.ALREADY_RECEIVED,
      `lead ${leadId} was received with other details; a new lead needs a new id`,
      'leadId',
    );
  }
  const recordedSource: LeadReceived['data']['source'] =
    source.channel === 'http'
      ? { channel: 'http' }
      : { channel: 'internal', publisher: source.publisher };
  return [
    {
      type: 'LeadReceived',
      data: { leadId, details, source: recordedSource, recordedAt: command.metadata.occurredAt },
    },
  ];
}

/**
 * Rejects a lead that was never recorded (invalid at intake) or was recorded
 * but not yet routed (de-duplication runs just after receipt). The same
 * rejection again changes nothing.
 */
export function decideReject(command: RejectLead, state: LeadState): LeadRejected[] {
  const rejection = toLeadRejection(command.data);
  const leadId = canonicalLeadId(command.data.leadId);
  if (rejection.duplicateOf?.originalLeadId === leadId) {
    throw new LeadError(
      LeadErrorCode.INVALID_COMMAND,
      'a lead cannot repeat itself',
      'duplicateOf.originalLeadId',
    );
  }
  if (state.stage === 'rejected') {
    if (isUnchanged(state.rejection, rejection)) {
      return [];
    }
    throw new LeadError(LeadErrorCode.ALREADY_REJECTED, `lead ${leadId} was rejected already`);
  }
  if (state.stage !== 'new' && !(state.stage === 'received' && neverRouted(state))) {
    throw new LeadError(
      LeadErrorCode.ALREADY_ROUTED,
      `lead ${leadId} has been routed; it can no longer be rejected`,
    );
  }
  return [
    { type: 'LeadRejected', data: { leadId, rejection, rejectedAt: command.metadata.occurredAt } },
  ];
}

function neverRouted(lead: LiveLead): boolean {
  return lead.referrals.length === 0 && lead.deliveryFailures.length === 0;
}

/** Links a received lead to the earlier one it repeats; linking it again to the same lead changes nothing. */
export function decideLink(command: LinkDuplicate, lead: LiveLead): LeadLinkedAsDuplicate[] {
  const duplicateOf = toDuplicateLink(command.data, 'originalLeadId');
  if (duplicateOf.originalLeadId === lead.id) {
    throw new LeadError(
      LeadErrorCode.INVALID_COMMAND,
      'a lead cannot repeat itself',
      'originalLeadId',
    );
  }
  if (lead.duplicateOf !== null) {
    if (isUnchanged(lead.duplicateOf, duplicateOf)) {
      return [];
    }
    throw new LeadError(
      LeadErrorCode.ALREADY_LINKED,
      `lead ${lead.id} is linked to lead ${lead.duplicateOf.originalLeadId} already`,
      'originalLeadId',
    );
  }
  return [{ type: 'LeadLinkedAsDuplicate', data: { leadId: lead.id, duplicateOf } }];
}
