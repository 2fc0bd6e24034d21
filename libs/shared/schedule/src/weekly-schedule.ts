/** Days of the week in schedule order. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One of {@link WEEKDAYS}. */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The hours of one weekday, as local wall-clock `HH:MM` (00:00-23:59). `to` is
 * exclusive. A `to` earlier than `from` crosses midnight and the window
 * belongs to the day it starts on; `from === to` means all day.
 */
export interface DayWindow {
  enabled: boolean;
  from: string;
  to: string;
}

/** A weekly schedule in an IANA time zone (a partner's delivery schedule). */
export interface WeeklySchedule {
  timeZone: string;
  days: Record<Weekday, DayWindow>;
}
