import { JSONPath } from 'jsonpath-plus';
import { MAX_EVALUATED_BODY_LENGTH, MAX_EVALUATED_NESTING } from '../outcome-rules';

/** The body parsed as JSON, or undefined when it is not JSON, is too long or nests too deep. */
export function parseJson(body: string): { readonly value: unknown } | undefined {
  const text = body.replace(/^\uFEFF/, '');
  if (text.length > MAX_EVALUATED_BODY_LENGTH) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    return nestingOf(value) > MAX_EVALUATED_NESTING ? undefined : { value };
  } catch {
    return undefined;
  }
}

/** How deep arrays and objects nest in a parsed value, counted without recursion. */
function nestingOf(root: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_EVALUATED_NESTING) {
      return deepest;
    }
    for (const child of Object.values(value)) {
      pending.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * The values a JSONPath expression selects in `json` (jsonpath-plus; filters
 * `?()` run in its safe evaluator, never `eval`, and a filter that fails on one
 * item skips that item). Undefined when evaluation fails.
 */
export function selectJsonPath(expression: string, json: unknown): unknown[] | undefined {
  try {
    const selected: unknown = JSONPath({
      path: expression,
      json: json as object,
      wrap: true,
      eval: 'safe',
      ignoreEvalErrors: true,
    });
    return Array.isArray(selected) ? (selected as unknown[]) : [];
  } catch {
    return undefined;
  }
}

interface SafeScriptClass {
  new (code: string): unknown;
}

/**
 * Why a JSONPath expression is not one, or undefined. jsonpath-plus reads most
 * strings as some path, so this asks more: a `$` first, balanced brackets,
 * parentheses and quotes, and filter and script expressions its safe evaluator
 * can parse.
 */
export function jsonPathProblem(expression: string): string | undefined {
  if (!expression.startsWith('$')) {
    return 'must start with $ (the document root), e.g. $.result.status';
  }
  const unbalanced = unbalancedAt(expression);
  if (unbalanced !== undefined) {
    return unbalanced;
  }
  let segments: string[];
  try {
    segments = JSONPath.toPathArray(expression);
  } catch {
    return 'is not a valid JSONPath expression';
  }
  const Script = (JSONPath as unknown as { prototype: { safeVm?: { Script?: SafeScriptClass } } })
    .prototype.safeVm?.Script;
  for (const segment of segments) {
    const script = /^\??\((.*)\)$/s.exec(segment)?.[1];
    if (script === undefined || !Script) {
      continue;
    }
    try {
      // The same rewriting of @-names jsonpath-plus does before it parses a filter.
      new Script(
        script
          .replace(/@(parentProperty|parent|property|root|path)/g, '_$_$1')
          .replace(/@/g, '_$_v'),
      );
    } catch (error) {
      return `has a filter that does not parse: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return undefined;
}

const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '(': ')' };

/** Why brackets, parentheses or quotes do not balance, or undefined. */
function unbalancedAt(expression: string): string | undefined {
  const open: string[] = [];
  let quote: string | undefined;
  for (let index = 0; index < expression.length; index += 1) {
    const char = expression[index]!;
    if (quote) {
      if (char === '\\') {
        index += 1;
      } else if (char === quote) {
        quote = undefined;
      }
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char in CLOSERS) {
      open.push(CLOSERS[char]!);
    } else if (char === ']' || char === ')') {
      if (open.pop() !== char) {
        return `has an unmatched ${char} at character ${index + 1}`;
      }
    }
  }
  if (quote) {
    return `has an unclosed ${quote} quote`;
  }
  return open.length > 0 ? `is missing a closing ${open.at(-1)!}` : undefined;
}
