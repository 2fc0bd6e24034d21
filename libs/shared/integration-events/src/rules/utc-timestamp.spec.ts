import { isUtcTimestamp } from './utc-timestamp';

describe(isUtcTimestamp.name, () => {
  it.each(['2026-11-25T09:00:00.000Z', '2026-11-25T09:00:00Z', '2028-02-29T23:59:59.123456Z'])(
    'accepts %s',
    (value) => {
      expect(isUtcTimestamp(value)).toBe(true);
    },
  );

  it.each([
    ['an offset', '2026-11-25T10:00:00.000+01:00'],
    ['a zero offset spelled out', '2026-11-25T09:00:00.000+00:00'],
    ['no zone', '2026-11-25T09:00:00.000'],
    ['a date alone', '2026-11-25'],
    ['a day that does not exist', '2026-02-30T09:00:00.000Z'],
    ['hour 24', '2026-11-25T24:00:00.000Z'],
    ['a lower-case z', '2026-11-25T09:00:00.000z'],
    ['a number', 1764061200000],
  ])('refuses %s', (_case, value) => {
    expect(isUtcTimestamp(value)).toBe(false);
  });
});
