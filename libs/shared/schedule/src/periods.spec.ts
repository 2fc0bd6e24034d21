import { periodsAt } from './periods';

describe(periodsAt.name, () => {
  it('counts the day and month on the zone’s own calendar, not UTC’s', () => {
    // 04:30 UTC on 1 February is still 31 January, 23:30, in New York.
    expect(periodsAt('America/New_York', new Date('2026-02-01T04:30:00Z'))).toEqual({
      day: '2026-01-31',
      month: '2026-01',
    });
    expect(periodsAt('UTC', new Date('2026-02-01T04:30:00Z'))).toEqual({
      day: '2026-02-01',
      month: '2026-02',
    });
  });

  it('starts a new day at local midnight east of UTC', () => {
    // 18:30 UTC on 31 December is 00:00 on 1 January in Kolkata (UTC+05:30).
    expect(periodsAt('Asia/Kolkata', new Date('2026-12-31T18:30:00Z'))).toEqual({
      day: '2027-01-01',
      month: '2027-01',
    });
  });

  it('keeps a day whole across a daylight saving change', () => {
    // Europe/London: clocks go forward at 01:00 UTC on 29 March 2026; both instants are that day.
    expect(periodsAt('Europe/London', new Date('2026-03-29T00:30:00Z')).day).toBe('2026-03-29');
    expect(periodsAt('Europe/London', new Date('2026-03-29T22:59:00Z')).day).toBe('2026-03-29');
    expect(periodsAt('Europe/London', new Date('2026-03-29T23:00:00Z')).day).toBe('2026-03-30');
  });
});
