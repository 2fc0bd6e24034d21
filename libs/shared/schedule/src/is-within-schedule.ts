import { WEEKDAYS, type DayWindow, type Weekday, type WeeklySchedule } from './weekly-schedule';
import { minutesOfDay, wallClockAt } from './wall-clock';

/**
 * Whether `instant` falls inside a weekly schedule (a lead may be delivered
 * to a partner then).
 *
 * The instant is turned into the weekday and wall-clock time it shows in the
 * schedule's IANA time zone, and that is compared with the day windows: a
 * window includes `from` and excludes `to`; `from === to` is the whole day; a
 * `to` earlier than `from` runs past midnight into the next day and belongs to
 * the day it starts on (Friday 22:00-02:00 covers early Saturday, even when
 * Saturday itself is disabled).
 *
 * Daylight saving: wall-clock times are compared, never durations. On the day
 * clocks go forward the skipped hour does not exist, so a window that overlaps
 * it is that much shorter (Europe/London 01:30-02:30 on the last Sunday of
 * March lasts 30 minutes, 02:00-02:30 BST). On the day clocks go back the
 * repeated hour happens twice, so a window that overlaps it is that much longer
 * (01:30-02:30 on the last Sunday of October is open 01:30-02:00 BST, then
 * 01:30-02:30 GMT).
 */
export function isWithinSchedule(schedule: WeeklySchedule, instant: Date): boolean {
  const { weekday, minutes } = wallClockAt(schedule.timeZone, instant);
  return (
    startsTodayAndCovers(schedule.days[weekday], minutes) ||
    spillsOverFromYesterday(schedule.days[previousDay(weekday)], minutes)
  );
}

function startsTodayAndCovers(window: DayWindow, minutes: number): boolean {
  if (!window.enabled) {
    return false;
  }
  const from = minutesOfDay(window.from);
  const to = minutesOfDay(window.to);
  if (from === to) {
    return true;
  }
  // Crossing midnight, today's part runs from `from` to midnight.
  return from < to ? minutes >= from && minutes < to : minutes >= from;
}

function spillsOverFromYesterday(window: DayWindow, minutes: number): boolean {
  if (!window.enabled) {
    return false;
  }
  const from = minutesOfDay(window.from);
  const to = minutesOfDay(window.to);
  return to < from && minutes < to;
}

function previousDay(day: Weekday): Weekday {
  const index = WEEKDAYS.indexOf(day);
  return WEEKDAYS[(index + WEEKDAYS.length - 1) % WEEKDAYS.length] ?? day;
}
