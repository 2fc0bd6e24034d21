import { stringify } from 'csv-stringify/sync';

/** Cells a spreadsheet would run as a formula (CSV injection): text starting with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Rows as CSV (RFC 4180, a header row first). Text that a spreadsheet would
 * take for a formula is prefixed with a quote: reasons and references are
 * typed by people.
 */
export function toCsv<Row extends object>(
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): string {
  return stringify(rows as unknown as Record<string, unknown>[], {
    header: true,
    columns: [...columns],
    cast: {
      string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
      boolean: (value) => (value ? 'true' : 'false'),
    },
  });
}
