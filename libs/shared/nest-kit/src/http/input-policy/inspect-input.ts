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
 * characters in a key or text (PostgreSQL cannot store NUL, and it is never
 * meant). Walks iteratively, so a hostile depth cannot overflow the stack
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
      if (item.value.includes('\u0000')) {
        return [problem(item.path, 'must not contain the NUL character (U+0000)')];
      }
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) {
      continue;
    }
    if (item.depth >= limits.maxDepth) {
      return [problem(item.path, `nests deeper than ${limits.maxDepth} levels`)];
    }
    const entries = Array.isArray(item.value)
      ? item.value.map((element, index) => [`[${index}]`, element] as const)
      : Object.entries(item.value).map(([key, element]) => [key, element] as const);
    nodes += entries.length;
    if (nodes > limits.maxNodes) {
      return [problem(root || 'body', `holds more than ${limits.maxNodes} values`)];
    }
    for (const [key, element] of entries) {
      if (key.includes('\u0000')) {
        return [problem(item.path, 'has a key containing the NUL character (U+0000)')];
      }
      pending.push({ value: element, path: join(item.path, key), depth: item.depth + 1 });
    }
  }
  return [];
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
