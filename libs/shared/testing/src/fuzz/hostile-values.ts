import fc from 'fast-check';

/** Text careless and hostile clients send: controls, markup, injection, unicode edge cases, size. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\r\nX-Injected: 1',
    "' OR 1=1 --",
    '%_%',
    '<script>alert(1)</script>',
    ']]>',
    '{{ lead.id }}',
    '{{',
    '../../etc/passwd',
    '٣',
    'NaN',
    '-0',
    '9'.repeat(400),
    'x'.repeat(70_000),
    '👍🏽'.repeat(300),
  ),
);

/** Any JSON value, from a wrong scalar to a structure deeper than any API takes. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 33, max: 2_000 }).map((depth) => nested(depth)),
);

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) {
    value = level % 2 === 0 ? { a: value } : [value];
  }
  return value;
}

/** `value` with one place in it (chosen by `pick`) replaced by `replacement`, or a key dropped. */
export function mutate(value: unknown, pick: number, replacement: unknown, drop: boolean): unknown {
  const places = placesIn(value, []);
  const path = places[pick % places.length] ?? [];
  if (path.length === 0) {
    return replacement;
  }
  const copy = structuredClone(value) as Record<string, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (drop && !Array.isArray(parent)) {
    delete parent[last];
  } else {
    parent[last] = replacement;
  }
  return copy;
}

function placesIn(value: unknown, path: string[]): string[][] {
  if (typeof value !== 'object' || value === null) {
    return [path];
  }
  return [
    path,
    ...Object.keys(value).flatMap((key) =>
      placesIn((value as Record<string, unknown>)[key], [...path, key]),
    ),
  ];
}
