import { isUtcTimestamp } from '@leadrail/integration-events';
import { leadAnswerProblems } from '@leadrail/leads-contracts';
import { isEmail, isISO31661Alpha2 } from 'class-validator';
import type { LeadFieldProblem } from '../model/lead-outcomes';
import { isLeadUuid, isText } from './fields';

// The rules of the LeadReceived v1 contract (libs/leads/contracts), restated as
// plain checks: the HTTP intake has no envelope to parse, and a decider must
// not depend on decorators. Where the contract calls a validator function, so
// does this, so the two cannot disagree (lead-problems.spec.ts checks its examples).
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const COUNTRY = /^[A-Z]{2}$/;
const MAX_EMAIL_LENGTH = 254;

type Check = (value: unknown) => string | null;
type Fields = Record<string, unknown>;

const text =
  (max: number): Check =>
  (value) =>
    isText(value, max) ? null : `must be 1-${max} characters, not blank`;
const uuid: Check = (value) => (isLeadUuid(value) ? null : 'must be a UUID');
const utc: Check = (value) =>
  isUtcTimestamp(value) ? null : 'must be an ISO 8601 UTC timestamp ending in Z';
const bool: Check = (value) => (typeof value === 'boolean' ? null : 'must be true or false');
const slug: Check = (value) =>
  typeof value === 'string' && value.length <= 50 && SLUG.test(value)
    ? null
    : 'must be a lower-case slug of at most 50 characters, e.g. home-insurance';
const email: Check = (value) =>
  typeof value === 'string' && value.length <= MAX_EMAIL_LENGTH && isEmail(value)
    ? null
    : 'must be an email address, e.g. jane@example.com';
const phone: Check = (value) =>
  typeof value === 'string' && E164.test(value)
    ? null
    : 'must be an E.164 phone number, e.g. +447700900123';
const country: Check = (value) =>
  typeof value === 'string' && COUNTRY.test(value) && isISO31661Alpha2(value)
    ? null
    : 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. GB';

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems of the fields of `object` at `path`; optional fields are checked only when present. */
function checkFields(
  object: Fields,
  path: string,
  required: Record<string, Check>,
  optional: Record<string, Check> = {},
): LeadFieldProblem[] {
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  const problems: LeadFieldProblem[] = [];
  for (const [key, check] of Object.entries(required)) {
    const message = object[key] === undefined ? 'is required' : check(object[key]);
    if (message !== null) {
      problems.push({ field: at(key), message });
    }
  }
  for (const [key, check] of Object.entries(optional)) {
    const message = object[key] === undefined ? null : check(object[key]);
    if (message !== null) {
      problems.push({ field: at(key), message });
    }
  }
  return problems;
}

function nested(
  value: unknown,
  path: string,
  problemsOf: (object: Fields) => LeadFieldProblem[],
): LeadFieldProblem[] {
  if (value === undefined) {
    return [{ field: path, message: 'is required' }];
  }
  return isRecord(value) ? problemsOf(value) : [{ field: path, message: 'must be an object' }];
}

function addressProblems(address: Fields): LeadFieldProblem[] {
  return checkFields(
    address,
    'contact.address',
    { line1: text(200), city: text(100), postcode: text(20), country },
    { line2: text(200) },
  );
}

function contactProblems(contact: Fields): LeadFieldProblem[] {
  const problems = checkFields(
    contact,
    'contact',
    { firstName: text(100), lastName: text(100) },
    { email, phone },
  );
  if (contact.email === undefined && contact.phone === undefined) {
    problems.push({
      field: 'contact',
      message: 'must have an email or a phone (at least one), or the lead cannot be contacted',
    });
  }
  if (contact.address !== undefined) {
    problems.push(...nested(contact.address, 'contact.address', addressProblems));
  }
  return problems;
}

/**
 * Every problem of a submitted lead, by field path (empty when it is valid):
 * the rules of `LeadReceived` v1, so a lead is held to the same rules whether it
 * came over HTTP or on Kafka.
 */
export function leadProblems(submission: unknown): LeadFieldProblem[] {
  if (!isRecord(submission)) {
    return [{ field: '', message: 'must be an object' }];
  }
  const problems = checkFields(
    submission,
    '',
    { leadId: uuid, introducerId: uuid, leadType: slug, receivedAt: utc },
    { externalReference: text(100) },
  );
  problems.push(...nested(submission.contact, 'contact', contactProblems));
  if (submission.answers !== undefined) {
    const answers = leadAnswerProblems(submission.answers);
    problems.push(...answers.map((message) => ({ field: 'answers', message })));
  }
  problems.push(
    ...nested(submission.consent, 'consent', (consent) =>
      checkFields(consent, 'consent', {
        contactByPhone: bool,
        contactByEmail: bool,
        capturedAt: utc,
      }),
    ),
  );
  return problems;
}
