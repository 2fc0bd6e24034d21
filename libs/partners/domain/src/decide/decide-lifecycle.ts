import type { DeactivatePartner, ReactivatePartner } from '../commands/partner-commands';
import type { PartnerDeactivated, PartnerReactivated } from '../events/partner-events';
import type { RegisteredPartner } from '../model/partner-state';
import { requiredReason } from '../validation/identity';

/**
 * Deactivates the partner, with the reason an auditor will ask for. An
 * already inactive partner stays as it is: a retried deactivation decides nothing.
 */
export function decideDeactivation(
  command: DeactivatePartner,
  partner: RegisteredPartner,
): PartnerDeactivated[] {
  const reason = requiredReason(command.data.reason, 'reason');
  if (partner.status === 'inactive') {
    return [];
  }
  return [
    {
      type: 'PartnerDeactivated',
      data: { partnerId: partner.id, reason, deactivatedAt: command.metadata.occurredAt },
    },
  ];
}

/** Reactivates the partner with the settings it had. Already active: no event. */
export function decideReactivation(
  _command: ReactivatePartner,
  partner: RegisteredPartner,
): PartnerReactivated[] {
  if (partner.status === 'active') {
    return [];
  }
  return [{ type: 'PartnerReactivated', data: { partnerId: partner.id } }];
}
