import { PartnerError, PartnerErrorCode } from '../errors/partner-error';
import {
  WEEKDAYS,
  type DayWindow,
  type DeliverySchedule,
  type Weekday,
} from '../model/delivery-settings';
import { LOCAL_TIME, isKnownTimeZone } from '@leadrail/schedule';

// IANA names (`Europe/London`, `UTC`): refuses offsets like `+01:00`, which
// have no daylight saving rules, and miscased names the runtime would quietly fix.
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/** Refuses a name that is not an IANA time zone the runtime knows. */
export function assertTimeZone(timeZone: string, field: string): void {
  if (typeof timeZone !== 'string' || !IANA_NAME.test(timeZone) || !isKnownTimeZone(timeZone)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_TIME_ZONE,
      `must be an IANA time zone such as Europe/London, got ${JSON.stringify(timeZone)}`,
      field,
    );
  }
}

/** Refuses a time that is not `HH:MM` between 00:00 and 23:59. */
export function assertLocalTime(time: string, field: string): void {
  if (typeof time !== 'string' || !LOCAL_TIME.test(time)) {
    throw new PartnerError(
      PartnerErrorCode.INVALID_TIME,
      `must be HH:MM between 00:00 and 23:59, got ${JSON.stringify(time)}`,
      field,
    );
  }
}

/**
 * The schedule checked and copied: the time zone and every day's window,
 * enabled or not, since a disabled day may be re-enabled as it stands.
 */
export function toDeliverySchedule(schedule: DeliverySchedule, field: string): DeliverySchedule {
  assertTimeZone(schedule.timeZone, `${field}.timeZone`);
  const days = {} as Record<Weekday, DayWindow>;
  for (const day of WEEKDAYS) {
    const window = schedule.days[day] as DayWindow | undefined;
    if (window === undefined) {
      throw new PartnerError(
        PartnerErrorCode.INVALID_TIME,
        'every weekday needs a window (disable it to skip the day)',
        `${field}.days.${day}`,
      );
    }
    assertLocalTime(window.from, `${field}.days.${day}.from`);
    assertLocalTime(window.to, `${field}.days.${day}.to`);
    days[day] = { enabled: window.enabled, from: window.from, to: window.to };
  }
  return { timeZone: schedule.timeZone, days };
}
