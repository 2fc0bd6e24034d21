import type { PartnerCommand } from '../commands/partner-commands';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { ActivePartner, PartnerState, RegisteredPartner } from '../model/partner-state';
import { assertActorMayIssue } from '../rules/actor-rules';

/**
 * The partner a command is for, once it exists, the command names it and the
 * actor may issue the command. The id check catches a command sent down the
 * wrong stream before it changes the wrong partner.
 */
export function registeredPartner(state: PartnerState, command: PartnerCommand): RegisteredPartner {
  if (state.status === 'unregistered') {
    throw new PartnerError(
      PartnerErrorCode.PARTNER_NOT_REGISTERED,
      `partner ${command.data.partnerId} is not registered`,
    );
  }
  if (command.data.partnerId !== state.id) {
    throw new PartnerError(
      PartnerErrorCode.PARTNER_ID_MISMATCH,
      `this stream holds partner ${state.id}`,
      'partnerId',
    );
  }
  assertActorMayIssue(command, state.id, state);
  return state;
}

/** As {@link registeredPartner}, and active: a deactivated partner is frozen until reactivated. */
export function activePartner(state: PartnerState, command: PartnerCommand): ActivePartner {
  const partner = registeredPartner(state, command);
  if (partner.status === 'inactive') {
    throw new PartnerError(
      PartnerErrorCode.PARTNER_INACTIVE,
      `partner ${partner.id} is inactive; reactivate it first`,
    );
  }
  return partner;
}
