import { type BodyProblem, type LeadBodyResult, refused } from './lead-body';
import {
  LEAD_SHAPE,
  type ObjectShape,
  answerFromText,
  booleanFromText,
  isObjectShape,
  repeatedField,
  setOwn,
  unknownField,
} from './lead-shape';

/** A form key read: its path (`contact.address.postcode` or `contact[address][postcode]`) and declared type. */
interface FormKey {
  path: string[];
  type?: string;
}

const TYPED = /^(.*):([a-z]+)$/;
const BRACKETS = /^([^.[\]]+)((?:\[[^.[\]]+\])*)$/;

function readKey(raw: string): FormKey | undefined {
  const typed = TYPED.exec(raw);
  const name = typed ? typed[1]! : raw;
  const type = typed?.[2];
  const bracketed = BRACKETS.exec(name);
  const path = bracketed?.[2]
    ? [bracketed[1]!, ...bracketed[2].slice(1, -1).split('][')]
    : name.split('.');
  if (path.some((segment) => segment === '' || /[[\]]/.test(segment))) {
    return undefined;
  }
  return type === undefined ? { path } : { path, type };
}

/** Where a form key's value goes, or why it goes nowhere. */
type Placement =
  | { at: 'field'; parents: string[]; name: string; kind: 'text' | 'boolean' }
  | { at: 'answer'; name: string }
  | { at: 'nowhere' }
  | { problem: BodyProblem };

function place(key: FormKey, field: string): Placement {
  let shape: ObjectShape = LEAD_SHAPE;
  const parents: string[] = [];
  for (const [index, segment] of key.path.entries()) {
    const kind = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    const last = index === key.path.length - 1;
    if (kind === undefined) {
      return { problem: unknownField(field) };
    }
    if (isObjectShape(kind)) {
      if (last) {
        return { problem: { field, message: `has fields: send them as ${field}.<field>` } };
      }
      parents.push(segment);
      shape = kind;
      continue;
    }
    if (kind === 'answers') {
      return key.path.length === index + 2
        ? { at: 'answer', name: key.path[index + 1]! }
        : { problem: { field, message: 'must name one answer: answers.<question_key>' } };
    }
    if (!last) {
      return { problem: unknownField(field) };
    }
    if (key.type !== undefined) {
      return { problem: { field, message: 'only answers declare a type (answers.<key>:number)' } };
    }
    return kind === 'ignored' ? { at: 'nowhere' } : { at: 'field', parents, name: segment, kind };
  }
  return { problem: unknownField(field) };
}

function objectAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let object = root;
  for (const name of path) {
    object[name] ??= {};
    object = object[name] as Record<string, unknown>;
  }
  return object;
}

/**
 * A lead from `application/x-www-form-urlencoded`: one key per field, dotted
 * (`contact.address.postcode`) or in brackets (`contact[address][postcode]`).
 * Values are text; consent flags become booleans (`true`/`false`/`1`/`0`/`on`);
 * an answer is text unless its key declares `:number` or `:boolean`
 * (`answers.loan_amount:number=250000`). An empty value leaves a field out
 * (forms send every input), except an answer, which may be empty text. A
 * field sent twice, or a key that is no field, is a problem.
 */
export function parseFormBody(raw: string): LeadBodyResult {
  const candidate: Record<string, unknown> = {};
  const problems: BodyProblem[] = [];
  const seen = new Set<string>();
  for (const [rawKey, value] of new URLSearchParams(raw)) {
    const key = readKey(rawKey);
    if (!key) {
      problems.push({ field: rawKey, message: 'is not a field name like contact.firstName' });
      continue;
    }
    const field = key.path.join('.');
    if (seen.has(field)) {
      if (!problems.some((problem) => problem.field === field)) {
        problems.push(repeatedField(field));
      }
      continue;
    }
    seen.add(field);
    const placement = place(key, field);
    if ('problem' in placement) {
      problems.push(placement.problem);
    } else if (placement.at === 'answer') {
      const answer = answerFromText(value, key.type, field);
      if ('problem' in answer) {
        problems.push(answer.problem);
      } else {
        setOwn(objectAt(candidate, ['answers']), placement.name, answer.value);
      }
    } else if (placement.at === 'field' && value !== '') {
      const converted = placement.kind === 'boolean' ? booleanFromText(value, true) : value;
      objectAt(candidate, placement.parents)[placement.name] = converted;
    }
  }
  return problems.length > 0 ? refused('invalid', problems) : { ok: true, candidate };
}
