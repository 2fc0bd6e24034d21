import type { PartnerCommand } from '../commands/partner-commands';
import type { PartnerEvent } from '../events/partner-events';
import type { PartnerState } from '../model/partner-state';
import { assertValidMetadata } from '../validation/metadata';
import { decideLeadTypesBought, decideSelectionPriority } from './decide-buying';
import { decideBillingPoint, decideLowFundsThreshold, decidePaymentMode } from './decide-billing';
import { decideContactDetails, decideTextAlerts } from './decide-contact';
import {
  decideDeliveryChannels,
  decideDeliveryLimits,
  decideDeliverySchedule,
} from './decide-delivery';
import { decideDeactivation, decideReactivation } from './decide-lifecycle';
import { decidePause, decideResume } from './decide-pause';
import { decidePortalAccess, decidePortalLogin } from './decide-portal';
import { decideLeadCost, decideLeadValue, decidePartnerType, decideRename } from './decide-profile';
import { decideRegistration } from './decide-registration';
import { activePartner, registeredPartner } from './guards';

/**
 * Decides what a command to a partner changes, as events, or throws a
 * `PartnerError`. Pure: time and actor come from the command's metadata.
 * A command that would change nothing decides no events (safe to retry).
 */
export function decidePartner(command: PartnerCommand, state: PartnerState): PartnerEvent[] {
  assertValidMetadata(command.metadata);
  switch (command.type) {
    case 'RegisterPartner':
      return decideRegistration(command, state);
    case 'DeactivatePartner':
      return decideDeactivation(command, registeredPartner(state, command));
    case 'ReactivatePartner':
      return decideReactivation(command, registeredPartner(state, command));
    case 'RenamePartner':
      return decideRename(command, activePartner(state, command));
    case 'ChangePartnerType':
      return decidePartnerType(command, activePartner(state, command));
    case 'SetLeadCost':
      return decideLeadCost(command, activePartner(state, command));
    case 'SetLeadValue':
      return decideLeadValue(command, activePartner(state, command));
    case 'SetPortalAccess':
      return decidePortalAccess(command, activePartner(state, command));
    case 'RecordPortalLogin':
      return decidePortalLogin(command, activePartner(state, command));
    case 'SetPaymentMode':
      return decidePaymentMode(command, activePartner(state, command));
    case 'SetBillingPoint':
      return decideBillingPoint(command, activePartner(state, command));
    case 'SetLowFundsThreshold':
      return decideLowFundsThreshold(command, activePartner(state, command));
    case 'ConfigureDelivery':
      return decideDeliveryChannels(command, activePartner(state, command));
    case 'SetDeliveryLimits':
      return decideDeliveryLimits(command, activePartner(state, command));
    case 'SetDeliverySchedule':
      return decideDeliverySchedule(command, activePartner(state, command));
    case 'SetContactDetails':
      return decideContactDetails(command, activePartner(state, command));
    case 'SetTextAlerts':
      return decideTextAlerts(command, activePartner(state, command));
    case 'SetLeadTypesBought':
      return decideLeadTypesBought(command, activePartner(state, command));
    case 'SetSelectionPriority':
      return decideSelectionPriority(command, activePartner(state, command));
    case 'PauseDeliveries':
      return decidePause(command, activePartner(state, command));
    case 'ResumeDeliveries':
      return decideResume(command, activePartner(state, command));
    default: {
      // A new command type fails to compile here until it is decided.
      const _exhaustive: never = command;
      throw new Error(`unknown partner command ${JSON.stringify(_exhaustive)}`);
    }
  }
}
