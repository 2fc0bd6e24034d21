import type { TemplateValue } from '../values/template-value';

/** One variable operators may use in a body template. */
export interface TemplateVariable {
  /** Full name as written between the braces, e.g. `lead.first_name`. */
  readonly name: string;
  readonly meaning: string;
  /** What it looks like; also the sample value `checkTemplate` substitutes. */
  readonly example: TemplateValue;
  /** Optional values may be absent from a lead and then render empty. */
  readonly optional: boolean;
  /** A number written as text (`12.50`): bare in JSON it is written as a JSON number. */
  readonly jsonNumber?: boolean;
}

function required(name: string, meaning: string, example: TemplateValue): TemplateVariable {
  return { name, meaning, example, optional: false };
}

function optional(name: string, meaning: string, example: TemplateValue): TemplateVariable {
  return { name, meaning, example, optional: true };
}

/** Every fixed variable; `lead.answers.<key>` comes on top (see {@link answerVariable}). */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  required('lead.id', "The lead's id in LeadRail (UUID)", '6f1c2b7e-3d4a-4f8b-9c2d-1e5f7a9b0c3d'),
  required('lead.type', 'The kind of lead (a slug)', 'mortgage'),
  required(
    'lead.received_at',
    'When the introducer received the lead (ISO 8601, UTC)',
    '2025-03-14T09:30:00Z',
  ),
  optional('lead.external_reference', "The introducer's own reference for the lead", 'INTRO-00042'),
  required('lead.first_name', 'Given name', 'Jane'),
  required('lead.last_name', 'Family name', 'Doe'),
  required('lead.full_name', 'Given and family name, separated by a space', 'Jane Doe'),
  optional('lead.email', 'Email address', 'jane.doe@example.com'),
  optional('lead.phone', 'Phone number in E.164', '+447700900123'),
  optional('lead.address.line1', 'First address line', '1 High Street'),
  optional('lead.address.line2', 'Second address line', 'Flat 2'),
  optional('lead.address.city', 'Town or city', 'London'),
  optional('lead.address.postcode', 'Postcode or ZIP code', 'SW1A 1AA'),
  optional('lead.address.country', 'ISO 3166-1 alpha-2 country code', 'GB'),
  {
    ...required(
      'lead.value.amount',
      "The partner's price for the lead in minor units (pence, cents)",
      1250,
    ),
    jsonNumber: true,
  },
  {
    ...required(
      'lead.value.decimal',
      "The same price in major units with the currency's decimals",
      '12.50',
    ),
    jsonNumber: true,
  },
  required('lead.value.currency', 'ISO 4217 currency code of the price', 'GBP'),
  required(
    'partner.id',
    "The receiving partner's id (UUID)",
    '0b7e8f7a-2c1d-4e5f-8a9b-0c1d2e3f4a5b',
  ),
  required('partner.name', "The receiving partner's name", 'Acme Mortgages'),
  required('introducer.id', "The introducer's id (UUID)", '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'),
  required('introducer.name', "The introducer's name", 'Best Leads Ltd'),
  required(
    'delivery.id',
    "This delivery's id (UUID), the same on every retry",
    '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
  ),
  {
    ...required('delivery.attempt', 'Which attempt this is: 1, then 2 on the first retry', 1),
    jsonNumber: true,
  },
  required('now.iso', 'Time of sending, ISO 8601 in UTC, to the second', '2025-03-14T09:31:05Z'),
  required('now.date', 'Date of sending in UTC (YYYY-MM-DD)', '2025-03-14'),
  required('now.time', 'Time of sending in UTC (HH:mm:ss, 24-hour)', '09:31:05'),
  required(
    'now.local_iso',
    "Time of sending in the partner's time zone, ISO 8601 with offset",
    '2025-03-14T09:31:05+00:00',
  ),
];

/** Names under which the lead's form answers are reachable. */
export const ANSWER_PREFIX = 'lead.answers.';
// The same rule as the LeadReceived contract's answer keys, so every answer is reachable.
const ANSWER_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_ANSWER_KEY_LENGTH = 64;
const BY_NAME = new Map(TEMPLATE_VARIABLES.map((variable) => [variable.name, variable]));

/** Whether `key` is a well-formed answer key (lower_snake_case, at most 64 characters). */
export function isAnswerKey(key: string): boolean {
  return key.length <= MAX_ANSWER_KEY_LENGTH && ANSWER_KEY.test(key);
}

/**
 * `lead.answers.<key>` for any well-formed key: answers differ per lead type and
 * introducer form, so a template cannot know at save time which ones a lead will
 * carry; a lead without that answer renders it empty.
 */
export function answerVariable(key: string): TemplateVariable {
  return optional(
    `${ANSWER_PREFIX}${key}`,
    `The answer to question "${key}", if given`,
    'sample answer',
  );
}

/** The variable called `name`, or undefined when no such variable exists. */
export function findTemplateVariable(name: string): TemplateVariable | undefined {
  const fixed = BY_NAME.get(name);
  if (fixed) {
    return fixed;
  }
  const key = name.startsWith(ANSWER_PREFIX) ? name.slice(ANSWER_PREFIX.length) : undefined;
  return key !== undefined && isAnswerKey(key) ? answerVariable(key) : undefined;
}
