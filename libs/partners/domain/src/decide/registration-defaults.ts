import {
  WEEKDAYS,
  type DayWindow,
  type DeliverySchedule,
  type Weekday,
} from '../model/delivery-settings';
import type { PortalAccess } from '../model/partner-settings';

/** No portal access until the operator grants some: the least a new login can see. */
export const DEFAULT_PORTAL_ACCESS: PortalAccess = {
  level: 'none',
  requireReferralAcceptance: false,
  mayUpdateLeadStatus: false,
};

/** Every day, all day: a schedule that restricts nothing until the operator sets one. */
export function defaultDeliverySchedule(): DeliverySchedule {
  const allDay: DayWindow = { enabled: true, from: '00:00', to: '00:00' };
  const days = Object.fromEntries(WEEKDAYS.map((day) => [day, { ...allDay }])) as Record<
    Weekday,
    DayWindow
  >;
  // UTC because with every day open all day, the zone changes nothing.
  return { timeZone: 'UTC', days };
}
