/**
 * How far back the ledger keeps counting. Local days only move forward for a
 * partner, except when routing instances' clocks differ by a moment around
 * midnight, or the partner moves to a time zone behind its old one (at most a
 * day). Two days cover both; an allocation for an older day is refused
 * (`STALE_PERIOD`) instead of being counted against a day the ledger forgot.
 */
export const DAYS_KEPT_BEHIND_LATEST = 2;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `day` is a real calendar day spelled `YYYY-MM-DD`. */
export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (match === null) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === day;
}

/** The oldest local day the ledger still counts, when the latest is `latestDay`. */
export function oldestCountedDay(latestDay: string): string {
  const latest = Date.parse(`${latestDay}T00:00:00Z`);
  return new Date(latest - DAYS_KEPT_BEHIND_LATEST * DAY_MS).toISOString().slice(0, 10);
}

/** The month (`YYYY-MM`) of a day (`YYYY-MM-DD`). */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}
