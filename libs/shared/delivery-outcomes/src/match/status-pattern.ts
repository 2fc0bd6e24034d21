/** An inclusive range of HTTP status codes. */
export interface StatusRange {
  readonly from: number;
  readonly to: number;
}

const CODE = /^[1-5]\d\d$/;
const CLASS = /^([1-5])xx$/i;
const RANGE = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/;

/**
 * The ranges a status pattern names: `200`, `2xx`, `400-499`, or a comma list of
 * those (`200, 201, 3xx`); codes from 100 to 599. A string, naming what is wrong,
 * for a pattern that is none of these.
 */
export function parseStatusPattern(pattern: string): StatusRange[] | string {
  const items = pattern.split(',').map((item) => item.trim());
  const ranges: StatusRange[] = [];
  for (const item of items) {
    if (item === '') {
      return 'has an empty item: write codes (200), classes (2xx) or ranges (400-499) separated by commas';
    }
    if (CODE.test(item)) {
      ranges.push({ from: Number(item), to: Number(item) });
      continue;
    }
    const klass = CLASS.exec(item);
    if (klass) {
      const hundreds = Number(klass[1]) * 100;
      ranges.push({ from: hundreds, to: hundreds + 99 });
      continue;
    }
    const range = RANGE.exec(item);
    if (range && Number(range[1]) <= Number(range[2])) {
      ranges.push({ from: Number(range[1]), to: Number(range[2]) });
      continue;
    }
    return `"${item.slice(0, 20)}" is not a status code (100-599), a class (2xx) or a range (400-499) with the lower code first`;
  }
  return ranges;
}

/** Whether `status` is in one of the ranges. */
export function statusMatches(ranges: readonly StatusRange[], status: number): boolean {
  return ranges.some((range) => status >= range.from && status <= range.to);
}
