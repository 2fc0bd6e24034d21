import type { Weekday } from './weekly-schedule';

/** `HH:MM` on a 24-hour clock, 00:00 to 23:59. */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since local midnight of a valid `HH:MM`. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A local weekday and time of day in some time zone. */
export interface WallClock {
  weekday: Weekday;
  minutes: number;
}

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

// Formatters are costly to build and routing asks for every lead: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of the weekday, date and time in `timeZone` (throws for an unknown zone). */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // en-US short weekdays are stable names; h23 keeps midnight at 00, never 24.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The weekday and wall-clock time that `instant` shows in `timeZone`. */
export function wallClockAt(timeZone: string, instant: Date): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const weekday = WEEKDAY_BY_SHORT_NAME[part('weekday')];
  if (weekday === undefined) {
    throw new Error(`cannot read the weekday of ${instant.toISOString()} in ${timeZone}`);
  }
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}
