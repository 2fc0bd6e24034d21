import { formatterFor } from './wall-clock';

/** The calendar day and month an instant falls in, in some time zone: what daily and monthly limits count in. */
export interface Periods {
  /** `YYYY-MM-DD` */
  day: string;
  /** `YYYY-MM` */
  month: string;
}

/**
 * The day and month `instant` falls in on the wall clocks of `timeZone`. A
 * partner's daily and monthly lead limits reset at its own midnight, not
 * UTC's: 23:30 in New York on 31 January is still January there, though it is
 * 1 February in UTC. Days are calendar days, so a day with a daylight saving
 * change is 23 or 25 hours long.
 */
export function periodsAt(timeZone: string, instant: Date): Periods {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const month = `${part('year')}-${part('month')}`;
  return { day: `${month}-${part('day')}`, month };
}
