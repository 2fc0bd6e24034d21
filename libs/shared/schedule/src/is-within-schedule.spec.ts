import { isWithinSchedule } from './is-within-schedule';
import { alwaysOpen, scheduleOf, weekdaysNineToFive } from './testing/schedules';

function at(instant: string): Date {
  return new Date(instant);
}

describe(isWithinSchedule.name, () => {
  describe('in Europe/London', () => {
    const london = weekdaysNineToFive('Europe/London');

    it.each([
      ['2026-01-05T09:00:00Z', true, 'Monday 09:00 GMT, the window opens'],
      ['2026-01-05T16:59:00Z', true, 'Monday 16:59 GMT'],
      ['2026-01-05T08:59:00Z', false, 'Monday 08:59 GMT, before the window'],
      ['2026-01-05T17:00:00Z', false, 'Monday 17:00 GMT, the end is exclusive'],
      ['2026-07-06T08:00:00Z', true, 'Monday 09:00 BST in summer'],
      ['2026-07-06T16:00:00Z', false, 'Monday 17:00 BST in summer'],
      ['2026-01-10T12:00:00Z', false, 'Saturday, a disabled day'],
    ])('at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(london, at(instant))).toBe(expected);
    });
  });

  describe('in America/New_York', () => {
    const newYork = scheduleOf('America/New_York', {
      mon: { from: '09:00', to: '17:00' },
      tue: { from: '20:00', to: '23:00' },
    });

    it.each([
      ['2026-01-05T14:00:00Z', true, 'Monday 09:00 EST'],
      ['2026-01-05T13:59:00Z', false, 'Monday 08:59 EST'],
      ['2026-07-06T13:00:00Z', true, 'Monday 09:00 EDT'],
      ['2026-01-06T01:00:00Z', false, 'Monday 20:00 EST, though Tuesday 01:00 in UTC'],
      ['2026-01-07T01:30:00Z', true, 'Tuesday 20:30 EST, though Wednesday in UTC'],
    ])('at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(newYork, at(instant))).toBe(expected);
    });
  });

  describe('in Asia/Kolkata, half an hour off UTC', () => {
    const kolkata = weekdaysNineToFive('Asia/Kolkata');

    it.each([
      ['2026-01-05T03:30:00Z', true, 'Monday 09:00 IST'],
      ['2026-01-05T03:29:00Z', false, 'Monday 08:59 IST'],
      ['2026-01-05T11:29:00Z', true, 'Monday 16:59 IST'],
      ['2026-01-05T11:30:00Z', false, 'Monday 17:00 IST'],
      ['2026-01-09T20:00:00Z', false, 'Saturday 01:30 IST, though Friday in UTC'],
    ])('at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(kolkata, at(instant))).toBe(expected);
    });
  });

  describe('with a window crossing midnight', () => {
    // Friday 22:00 to Saturday 02:00, Sunday 23:00 to Monday 01:00; Saturday and Monday disabled.
    const lateNights = scheduleOf('Europe/London', {
      fri: { from: '22:00', to: '02:00' },
      sun: { from: '23:00', to: '01:00' },
    });

    it.each([
      ['2026-01-09T21:59:00Z', false, 'Friday 21:59, before it opens'],
      ['2026-01-09T23:30:00Z', true, 'Friday 23:30'],
      ['2026-01-10T00:00:00Z', true, 'Saturday 00:00, though Saturday is disabled'],
      ['2026-01-10T01:59:00Z', true, 'Saturday 01:59'],
      ['2026-01-10T02:00:00Z', false, 'Saturday 02:00, it has closed'],
      ['2026-01-10T22:30:00Z', false, 'Saturday 22:30, Saturday has no window of its own'],
      ['2026-01-12T00:30:00Z', true, 'Monday 00:30, from Sunday across the week boundary'],
    ])('at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(lateNights, at(instant))).toBe(expected);
    });
  });

  it('treats a window from a time to the same time as the whole day', () => {
    const allDay = alwaysOpen();

    expect(isWithinSchedule(allDay, at('2026-01-05T00:00:00Z'))).toBe(true);
    expect(isWithinSchedule(allDay, at('2026-01-05T23:59:59Z'))).toBe(true);
  });

  describe('across the Europe/London daylight saving changes of 2026', () => {
    // Both changes fall on a Sunday at 01:00 UTC.
    const earlyHours = scheduleOf('Europe/London', { sun: { from: '01:30', to: '02:30' } });
    const daytime = scheduleOf('Europe/London', { sun: { from: '09:00', to: '17:00' } });

    it.each([
      ['2026-03-29T00:45:00Z', false, '00:45 GMT, before the window'],
      ['2026-03-29T00:59:00Z', false, '00:59 GMT, the last minute before 01:00-02:00 is skipped'],
      ['2026-03-29T01:00:00Z', true, '02:00 BST, the window opens at the first time that exists'],
      ['2026-03-29T01:29:00Z', true, '02:29 BST'],
      ['2026-03-29T01:30:00Z', false, '02:30 BST: the window lasted only 30 minutes'],
    ])('in March, 01:30-02:30 at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(earlyHours, at(instant))).toBe(expected);
    });

    it.each([
      ['2026-10-25T00:29:00Z', false, '01:29 BST'],
      ['2026-10-25T00:30:00Z', true, '01:30 BST, the first time round'],
      ['2026-10-25T00:59:00Z', true, '01:59 BST'],
      ['2026-10-25T01:15:00Z', false, '01:15 GMT: the hour repeats, before the window again'],
      ['2026-10-25T01:30:00Z', true, '01:30 GMT, the second time round'],
      ['2026-10-25T02:29:00Z', true, '02:29 GMT'],
      ['2026-10-25T02:30:00Z', false, '02:30 GMT'],
    ])('in October, 01:30-02:30 at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(earlyHours, at(instant))).toBe(expected);
    });

    it.each([
      ['2026-03-29T08:00:00Z', true, '09:00 BST on the day clocks go forward'],
      ['2026-03-29T07:59:00Z', false, '08:59 BST'],
      ['2026-10-25T09:00:00Z', true, '09:00 GMT on the day clocks go back'],
      ['2026-10-25T08:59:00Z', false, '08:59 GMT'],
    ])('a 09:00-17:00 window at %s is %p (%s)', (instant, expected) => {
      expect(isWithinSchedule(daytime, at(instant))).toBe(expected);
    });
  });
});
