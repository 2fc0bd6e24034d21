import type { FieldError } from '../field-errors';

/** The shape limits every request value is held to before any validation runs. */
export interface InputLimits {
  /** Deepest nesting of objects and arrays; validators recurse and would overflow the stack. */
  maxDepth: number;
  /** Most keys and array elements in all; bounds the work of validating one request. */
  maxNodes: number;
}

/** LeadRail's own requests nest five levels at most: 32 leaves room and stops a stack overflow. */
export const DEFAULT_INPUT_LIMITS: InputLimits = { maxDepth: 32, maxNodes: 20_000 };

/**
 * Problems with a parsed request value (a JSON body, the query) that no
 * handler should ever see: nesting too deep, too many nodes, and NUL
 * characters or unpaired surrogates in a key or text (PostgreSQL cannot store
 * either, and neither is ever meant). Walks iteratively, so a hostile depth cannot overflow the stack
 * here either. Stops at the first problem of a kind.
 */
export function inspectInput(
  value: unknown,
  root: string,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): FieldError[] {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  let nodes = 0;
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.value === 'string') {
      const refused = textProblem(item.value);
      if (refused !== undefined) {
        return [problem(item.path, refused)];
      }
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) {
      continue;
    }
    if (item.depth >= limits.maxDepth) {
      return [problem(item.path, `nests deeper than ${limits.maxDepth} levels`)];
    }
    // Counted before anything is built for them: a huge flat array costs no more than its length.
    nodes += Array.isArray(item.value) ? item.value.length : Object.keys(item.value).length;
    if (nodes > limits.maxNodes) {
      return [problem(root || 'body', `holds more than ${limits.maxNodes} values`)];
    }
    const entries = Array.isArray(item.value)
      ? item.value.map((element, index) => [`[${index}]`, element] as const)
      : Object.entries(item.value).map(([key, element]) => [key, element] as const);
    for (const [key, element] of entries) {
      const refused = textProblem(key);
      if (refused !== undefined) {
        return [problem(item.path, `has a key that ${refused}`)];
      }
      pending.push({ value: element, path: join(item.path, key), depth: item.depth + 1 });
    }
  }
  return [];
}

// In unicode mode a surrogate range matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Text PostgreSQL cannot store: NUL, and UTF-16 that is not Unicode (an unpaired surrogate). */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) {
    return 'must not contain the NUL character (U+0000)';
  }
  return LONE_SURROGATE.test(text)
    ? 'must be valid Unicode (it has an unpaired surrogate)'
    : undefined;
}

function join(parent: string, key: string): string {
  if (key.startsWith('[')) {
    return `${parent}${key}`;
  }
  return parent === '' ? key : `${parent}.${key}`;
}

function problem(field: string, message: string): FieldError {
  return { field: field || 'body', messages: [`${field || 'body'} ${message}`] };
}
