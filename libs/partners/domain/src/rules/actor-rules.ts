import type { PartnerCommand } from '../commands/partner-commands';
import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import type { RegisteredPartner } from '../model/partner-state';

// What a partner may do to itself from its portal; every other setting is the operator's.
const PARTNER_SELF_SERVICE: ReadonlySet<PartnerCommand['type']> = new Set([
  'PauseDeliveries',
  'ResumeDeliveries',
]);

// A pause records who paused (operator or partner), so automation does not pause.
const PAUSE_COMMANDS: ReadonlySet<PartnerCommand['type']> = PARTNER_SELF_SERVICE;

/**
 * Refuses a command its actor may not issue: a partner may only pause or resume
 * its own deliveries, and only while it has portal access; the system may do anything but pause or resume; an
 * operator may do anything.
 */
export function assertActorMayIssue(
  command: PartnerCommand,
  partnerId: string,
  partner?: RegisteredPartner,
): void {
  const actor = command.metadata.actor;
  if (actor.type === 'partner') {
    if (!PARTNER_SELF_SERVICE.has(command.type)) {
      throw new PartnerError(
        PartnerErrorCode.ACTOR_NOT_ALLOWED,
        `a partner may not ${command.type}; only pause or resume its deliveries`,
        'metadata.actor',
      );
    }
    if (actor.id !== partnerId) {
      throw new PartnerError(
        PartnerErrorCode.ACTOR_NOT_ALLOWED,
        "a partner may pause or resume only its own deliveries, not another partner's",
        'metadata.actor.id',
      );
    }
    // The portal is the partner's only way in; an operator may have closed it since sign-in.
    if (partner?.settings.portalAccess.level === 'none') {
      throw new PartnerError(
        PartnerErrorCode.ACTOR_NOT_ALLOWED,
        'this partner has no portal access',
        'metadata.actor',
      );
    }
  }
  if (actor.type === 'system' && PAUSE_COMMANDS.has(command.type)) {
    throw new PartnerError(
      PartnerErrorCode.ACTOR_NOT_ALLOWED,
      'deliveries are paused and resumed by an operator or the partner',
      'metadata.actor',
    );
  }
}
