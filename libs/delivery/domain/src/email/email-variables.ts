import {
  TEMPLATE_VARIABLES,
  type TemplateVariable,
  findTemplateVariable,
} from '@leadrail/delivery-templates';

/**
 * How a variable's value is written into the email:
 * - `value`: one value of the catalogue, escaped for where it stands;
 * - `inline-html`: LeadRail's own markup around escaped values (lines joined by
 *   `<br>`), for the body's text, never the subject, title or preview;
 * - `block-html`: a whole block (a table) of such markup, only where blocks may
 *   stand: the text of `<mj-text>` and `<mj-raw>`.
 */
export type EmailVariableKind = 'value' | 'inline-html' | 'block-html';

/** A variable an email template may use: the delivery templates' catalogue, and email's own. */
export interface EmailTemplateVariable extends TemplateVariable {
  readonly kind: EmailVariableKind;
}

/**
 * Variables only emails have. Answers differ per lead and a template has no
 * loops, so the answers table is one variable LeadRail fills; the address is
 * its lines without the empty ones.
 */
export const EMAIL_ONLY_VARIABLES: readonly EmailTemplateVariable[] = [
  {
    name: 'lead.address',
    meaning: 'The postal address, one line per part, empty parts left out (HTML, body text only)',
    example: '1 High Street, Flat 2, London SW1A 1AA, GB',
    optional: true,
    kind: 'inline-html',
  },
  {
    name: 'lead.answers_table',
    meaning:
      "Every answer of the lead's form as a two-column table, in the order given (HTML, only in <mj-text> or <mj-raw>)",
    example: 'Property value | 350000',
    optional: true,
    kind: 'block-html',
  },
];

const EMAIL_ONLY = new Map(EMAIL_ONLY_VARIABLES.map((variable) => [variable.name, variable]));

/** Every fixed variable an email template may use, for documentation and editors. */
export const EMAIL_TEMPLATE_VARIABLES: readonly EmailTemplateVariable[] = [
  ...TEMPLATE_VARIABLES.map((variable) => ({ ...variable, kind: 'value' as const })),
  ...EMAIL_ONLY_VARIABLES,
];

/** The variable called `name` (catalogue, `lead.answers.<key>`, or email's own), or undefined. */
export function findEmailTemplateVariable(name: string): EmailTemplateVariable | undefined {
  const own = EMAIL_ONLY.get(name);
  if (own) {
    return own;
  }
  const shared = findTemplateVariable(name);
  return shared ? { ...shared, kind: 'value' } : undefined;
}

// Two edits catch a swapped, missing or doubled letter without proposing unrelated names.
const MAX_DISTANCE = 2;

/** A known variable the operator probably meant by the unknown `name`, if one is close. */
export function suggestEmailVariable(name: string): string | undefined {
  const normalised = name.toLowerCase().replace(/-/g, '_');
  if (normalised !== name && findEmailTemplateVariable(normalised)) {
    return normalised;
  }
  let best: { name: string; distance: number } | undefined;
  for (const variable of EMAIL_TEMPLATE_VARIABLES) {
    const distance = editDistance(normalised, variable.name);
    if (distance <= MAX_DISTANCE && (!best || distance < best.distance)) {
      best = { name: variable.name, distance };
    }
  }
  if (best) {
    return best.name;
  }
  const byTail = EMAIL_TEMPLATE_VARIABLES.filter((variable) =>
    variable.name.endsWith(`.${normalised}`),
  );
  return byTail.length === 1 ? byTail[0]?.name : undefined;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `MAX_DISTANCE`. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) {
    return MAX_DISTANCE + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > MAX_DISTANCE) {
      return MAX_DISTANCE + 1;
    }
    previous = current;
  }
  return previous[b.length]!;
}
