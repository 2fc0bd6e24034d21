/**
 * The weekly schedule in an IANA time zone, and the days and months counted
 * in that zone: a shared kernel of partners (which validate schedules) and
 * routing (which decides with them). Pure; no framework or I/O.
 */
export * from './is-within-schedule';
export * from './periods';
export {
  LOCAL_TIME,
  isKnownTimeZone,
  minutesOfDay,
  wallClockAt,
  type WallClock,
} from './wall-clock';
export * from './weekly-schedule';
