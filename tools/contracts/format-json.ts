/**
 * Deterministic JSON for generated contract files: keys sorted, two-space
 * indentation, a trailing newline, laid out exactly as Prettier lays out JSON
 * (the repository's `format:check` runs over these files too). Prettier itself
 * cannot run inside Jest (it loads ESM through dynamic import), so the layout
 * is reproduced here and `generate.ts` checks it against Prettier on each run.
 *
 * Prettier's rules for JSON that matter here: an object written expanded stays
 * expanded; an array is printed on one line when it holds only scalars (or
 * empty objects and arrays) and fits within the print width, counting the text
 * before it and the comma after it, else one element per line.
 */

/** Prettier's default print width, which the repository's .prettierrc.json keeps. */
export const PRINT_WIDTH = 100;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    // Code-unit order, not localeCompare: the same on every machine.
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((key) => [key, sortKeys(value[key] as Json)]));
  }
  return value;
}

function isFlat(value: Json): boolean {
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return value === null || typeof value !== 'object' || Object.keys(value).length === 0;
}

function flat(value: Json): string {
  if (Array.isArray(value)) {
    return '[]';
  }
  return value !== null && typeof value === 'object' ? '{}' : JSON.stringify(value);
}

// Prettier measures width in characters, not UTF-16 code units.
function width(text: string): number {
  return [...text].length;
}

function print(value: Json, indent: string, lead: number, trail: number): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    if (value.every(isFlat)) {
      const oneLine = `[${value.map(flat).join(', ')}]`;
      if (lead + width(oneLine) + trail <= PRINT_WIDTH) {
        return oneLine;
      }
      if (value.length > 1 && value.every((item) => typeof item === 'number')) {
        throw new Error(
          'format-json: long arrays of numbers (Prettier fills lines) are not supported',
        );
      }
    } else if (value.some((item) => Array.isArray(item) && item.length > 0)) {
      throw new Error('format-json: arrays of non-empty arrays are not supported');
    }
    const items = value.map(
      (item, i) => inner + print(item, inner, inner.length, i < value.length - 1 ? 1 : 0),
    );
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      return '{}';
    }
    const lines = entries.map(([key, item], i) => {
      const prefix = `${inner}${JSON.stringify(key)}: `;
      return prefix + print(item, inner, width(prefix), i < entries.length - 1 ? 1 : 0);
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The file content for a JSON value: sorted keys, Prettier's layout, trailing newline. */
export function formatContractJson(value: unknown): string {
  return `${print(sortKeys(JSON.parse(JSON.stringify(value)) as Json), '', 0, 0)}\n`;
}
