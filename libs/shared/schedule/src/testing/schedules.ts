import { WEEKDAYS, type DayWindow, type Weekday, type WeeklySchedule } from '../weekly-schedule';

/** A schedule open only on the given days, in the given windows. */
export function scheduleOf(
  timeZone: string,
  windows: Partial<Record<Weekday, Omit<DayWindow, 'enabled'>>>,
): WeeklySchedule {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const window = windows[day];
      return [
        day,
        window === undefined
          ? { enabled: false, from: '00:00', to: '00:00' }
          : { enabled: true, ...window },
      ];
    }),
  ) as Record<Weekday, DayWindow>;
  return { timeZone, days };
}

/** Monday to Friday, 09:00-17:00. */
export function weekdaysNineToFive(timeZone: string): WeeklySchedule {
  const window = { from: '09:00', to: '17:00' };
  return scheduleOf(timeZone, { mon: window, tue: window, wed: window, thu: window, fri: window });
}

/** Every day, all day. */
export function alwaysOpen(timeZone = 'UTC'): WeeklySchedule {
  const allDay = { from: '00:00', to: '00:00' };
  return scheduleOf(timeZone, Object.fromEntries(WEEKDAYS.map((day) => [day, allDay])));
}
