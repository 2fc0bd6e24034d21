import {
  ANSWER_PREFIX,
  TEMPLATE_VARIABLES,
  findTemplateVariable,
  isAnswerKey,
} from './template-variables';

// Two edits catch a swapped, missing or doubled letter (`lead.frist_name`,
// `lead.firstname`) without proposing unrelated names for short typos.
const MAX_DISTANCE = 2;

/**
 * A known variable the operator probably meant by the unknown `name`, or undefined
 * when none is close. Tries, in order: the same name in lower case with `_` for
 * `-`; a fixed variable within two edits; a fixed variable the name is the tail
 * of (`first_name`); and an answer under a misspelt `lead.answers.` prefix.
 */
export function suggestVariable(name: string): string | undefined {
  const normalised = name.toLowerCase().replace(/-/g, '_');
  if (normalised !== name && findTemplateVariable(normalised)) {
    return normalised;
  }
  return closestFixed(normalised) ?? byTail(normalised) ?? misspeltAnswer(normalised);
}

function closestFixed(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const variable of TEMPLATE_VARIABLES) {
    const distance = editDistance(name, variable.name, MAX_DISTANCE);
    if (distance <= MAX_DISTANCE && (!best || distance < best.distance)) {
      best = { name: variable.name, distance };
    }
  }
  return best?.name;
}

function byTail(name: string): string | undefined {
  const matches = TEMPLATE_VARIABLES.filter((variable) => variable.name.endsWith(`.${name}`));
  return matches.length === 1 ? matches[0]?.name : undefined;
}

function misspeltAnswer(name: string): string | undefined {
  const [first, second, ...rest] = name.split('.');
  const key = rest.join('.');
  if (first === undefined || second === undefined || !isAnswerKey(key)) {
    return undefined;
  }
  const prefix = ANSWER_PREFIX.slice(0, -1);
  return editDistance(`${first}.${second}`, prefix, MAX_DISTANCE) <= MAX_DISTANCE
    ? `${ANSWER_PREFIX}${key}`
    : undefined;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) {
      return limit + 1;
    }
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
