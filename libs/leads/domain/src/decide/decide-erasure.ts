import type { ErasePersonalData } from '../commands/lead-commands';
import { LeadError, LeadErrorCode, leadNotFound } from '../errors/lead-error';
import type { LeadPersonalDataErased } from '../events/lead-events';
import { canonicalLeadId } from '../model/lead-stream';
import type { LeadState } from '../model/lead-state';

/**
 * Records an erasure once, at any stage after the lead was recorded or
 * rejected (a rejected lead may have been recorded first). Erasing again
 * decides nothing: the request is idempotent.
 */
export function decideErasure(
  command: ErasePersonalData,
  state: LeadState,
): LeadPersonalDataErased[] {
  if (state.stage === 'new') {
    throw leadNotFound(command.data.leadId);
  }
  const leadId = canonicalLeadId(String(command.data.leadId));
  if (leadId !== state.id) {
    throw new LeadError(
      LeadErrorCode.LEAD_ID_MISMATCH,
      `this stream holds lead ${state.id}`,
      'leadId',
    );
  }
  if (state.erasedAt !== undefined) {
    return [];
  }
  const { actor, occurredAt } = command.metadata;
  return [
    {
      type: 'LeadPersonalDataErased',
      data: { leadId, erasedAt: occurredAt, erasedBy: { type: actor.type, id: actor.id } },
    },
  ];
}
