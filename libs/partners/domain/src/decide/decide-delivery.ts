import type {
  ConfigureDelivery,
  SetDeliveryLimits,
  SetDeliverySchedule,
} from '../commands/partner-commands';
import type {
  DeliveryConfigured,
  DeliveryLimitsChanged,
  DeliveryScheduleChanged,
} from '../events/partner-events';
import type { ActivePartner } from '../model/partner-state';
import { eventIfChanged } from '../rules/unchanged';
import { toDeliveryChannels, toDeliveryLimits } from '../validation/delivery';
import { toDeliverySchedule } from '../validation/schedule';

/** Sets the delivery channels (at least one) and the internet delivery. */
export function decideDeliveryChannels(
  command: ConfigureDelivery,
  partner: ActivePartner,
): DeliveryConfigured[] {
  const delivery = toDeliveryChannels(command.data.delivery, 'delivery');
  return eventIfChanged(partner.settings.delivery, delivery, {
    type: 'DeliveryConfigured',
    data: { partnerId: partner.id, delivery },
  });
}

/**
 * Sets the lead limits. Limits that can never both be reached are allowed, as
 * the spec only warns about them: see `deliveryLimitWarnings`.
 */
export function decideDeliveryLimits(
  command: SetDeliveryLimits,
  partner: ActivePartner,
): DeliveryLimitsChanged[] {
  const limits = toDeliveryLimits(command.data.limits, 'limits');
  return eventIfChanged(partner.settings.limits, limits, {
    type: 'DeliveryLimitsChanged',
    data: { partnerId: partner.id, limits },
  });
}

/** Sets the weekly schedule and its time zone. */
export function decideDeliverySchedule(
  command: SetDeliverySchedule,
  partner: ActivePartner,
): DeliveryScheduleChanged[] {
  const schedule = toDeliverySchedule(command.data.schedule, 'schedule');
  return eventIfChanged(partner.settings.schedule, schedule, {
    type: 'DeliveryScheduleChanged',
    data: { partnerId: partner.id, schedule },
  });
}
