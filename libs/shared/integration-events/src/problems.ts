import { ValidationError } from 'class-validator';

/** One thing wrong with a message, at a field path such as `data.contact.email` or `data.lines[0].sku`. */
export interface IntegrationEventProblem {
  /** Dotted path from the envelope's root, with array indices in brackets; empty for the whole message. */
  readonly path: string;
  /** What is wrong, without the path: `must be a UUID`. */
  readonly message: string;
}

// When a value has the wrong type, its other rules fail too; the type is the news.
const TYPE_CONSTRAINTS = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isObject', 'isArray'];
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,63}$/;

/**
 * One segment of a problem path. Property names come from the publisher's
 * message (an unknown property is reported by its name), so odd ones are quoted
 * and cut short: the path ends up in a Kafka header and in logs.
 */
export function pathSegment(parent: string, key: string, parentIsArray: boolean): string {
  if (parentIsArray && /^\d+$/.test(key)) {
    return `${parent}[${key}]`;
  }
  if (IDENTIFIER.test(key)) {
    return parent === '' ? key : `${parent}.${key}`;
  }
  const quoted = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return `${parent}[${quoted}]`;
}

function describe(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  if (constraints.whitelistValidation !== undefined) {
    return 'is not a known property (check its spelling against the contract)';
  }
  // JSON has no undefined: the property is absent, and "required" says it all.
  if (error.value === undefined) {
    return 'is required';
  }
  const types = Object.keys(constraints).filter((name) => TYPE_CONSTRAINTS.includes(name));
  const names = types.length > 0 ? types : Object.keys(constraints);
  const messages = names
    .filter((name) => name !== 'nestedValidation' || names.length === 1)
    .map((name) => stripProperty(constraints[name] ?? name, error.property));
  return [...new Set(messages)].join('; ');
}

// class-validator messages start with the property name ("email must be an
// email"); the path already names it.
function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Flattens class-validator's error tree into problems with full paths under `root`. */
export function problemsFromValidationErrors(
  errors: readonly ValidationError[],
  root: string,
  rootIsArray = false,
): IntegrationEventProblem[] {
  return errors.flatMap((error) => {
    const path = pathSegment(root, error.property, rootIsArray);
    const own = error.constraints ? [{ path, message: describe(error) }] : [];
    // An array where one object belongs still has its elements validated;
    // problems inside a value of the wrong type would only mislead.
    const wrongType = Object.keys(error.constraints ?? {}).some((name) =>
      TYPE_CONSTRAINTS.includes(name),
    );
    const children = wrongType
      ? []
      : problemsFromValidationErrors(error.children ?? [], path, Array.isArray(error.value));
    return [...own, ...children];
  });
}

/** Keys class-transformer drops silently; reported so that nothing a publisher sent vanishes unnoticed. */
export function reservedKeyProblems(value: unknown, path: string): IntegrationEventProblem[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const isArray = Array.isArray(value);
  return Object.keys(value).flatMap((key) => {
    const child = pathSegment(path, key, isArray);
    const own =
      key === '__proto__' || key === 'constructor'
        ? [{ path: child, message: 'is not a known property (reserved name)' }]
        : [];
    return [...own, ...reservedKeyProblems((value as Record<string, unknown>)[key], child)];
  });
}

const MAX_PROBLEM_LENGTH = 300;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_PROBLEM_LENGTH ? `${flat.slice(0, MAX_PROBLEM_LENGTH - 1)}…` : flat;
}

/**
 * One readable line: `heading: path message; path message (and 3 more)`, at
 * most `limit` characters. It goes into a dead-letter header and log lines,
 * where newlines and unbounded length do harm.
 */
export function summariseProblems(
  heading: string,
  problems: readonly IntegrationEventProblem[],
  limit = 1000,
): string {
  const rendered = problems.map((problem) =>
    oneLine(problem.path === '' ? problem.message : `${problem.path} ${problem.message}`),
  );
  let summary = `${oneLine(heading)}: `;
  for (const [index, text] of rendered.entries()) {
    const rest = rendered.length - index - 1;
    const tail = rest > 0 ? ` (and ${rest} more)` : '';
    const separator = index === 0 ? '' : '; ';
    if (summary.length + separator.length + text.length + tail.length > limit) {
      return `${summary.trimEnd()} (and ${rendered.length - index} more)`.slice(0, limit);
    }
    summary += separator + text;
  }
  return summary;
}
