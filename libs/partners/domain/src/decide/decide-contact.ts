import type { SetContactDetails, SetTextAlerts } from '../commands/partner-commands';
import type { ContactDetailsChanged, TextAlertsChanged } from '../events/partner-events';
import type { ActivePartner } from '../model/partner-state';
import { eventIfChanged } from '../rules/unchanged';
import { assertTextAlertsReachable, toContactDetails, toTextAlerts } from '../validation/contact';

/** Replaces the phone, email and transfer phone; null clears one. */
export function decideContactDetails(
  command: SetContactDetails,
  partner: ActivePartner,
): ContactDetailsChanged[] {
  const contact = toContactDetails(command.data.contact, 'contact');
  assertTextAlertsReachable(contact, partner.settings.textAlerts, 'contact.phone');
  return eventIfChanged(partner.settings.contact, contact, {
    type: 'ContactDetailsChanged',
    data: { partnerId: partner.id, contact },
  });
}

/** Turns the referral and low-funds SMS alerts on or off. */
export function decideTextAlerts(
  command: SetTextAlerts,
  partner: ActivePartner,
): TextAlertsChanged[] {
  const textAlerts = toTextAlerts(command.data.textAlerts);
  assertTextAlertsReachable(partner.settings.contact, textAlerts, 'textAlerts');
  return eventIfChanged(partner.settings.textAlerts, textAlerts, {
    type: 'TextAlertsChanged',
    data: { partnerId: partner.id, textAlerts },
  });
}
