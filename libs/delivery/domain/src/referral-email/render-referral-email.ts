import { answerLabel, answerTableHtmlOf, displayValue } from '../email/email-blocks';
import { escapeHtml, oneLine, plainText } from '../email/email-escaping';
import { MAX_SUBJECT_LENGTH } from '../email/render-email-template';
import { REFERRAL_EMAIL_SLOTS, type ReferralEmailSlot } from './referral-email-mjml';

/**
 * What a referral email shows: the lead redacted as the portal shows a
 * referral (type, coarse area, the form's answers), the offer's expiry and
 * the two links. Nothing of the person: there is no field for it.
 */
export interface ReferralEmailInput {
  readonly leadId: string;
  readonly leadType: string;
  readonly area: {
    readonly country: string | null;
    readonly city: string | null;
    readonly postcodeDistrict: string | null;
  };
  readonly answers: Readonly<Record<string, string | number | boolean>> | null;
  readonly expiresAt: string;
  readonly partner: { readonly name: string; readonly timeZone: string };
  /** The signed Accept and Decline links; null when links are not set up (answer in the portal). */
  readonly links: { readonly accept: string; readonly decline: string } | null;
}

/** The area as one line: `M14, Manchester, GB`, or a phrase when the lead gave none. */
export function referralAreaText(area: ReferralEmailInput['area']): string {
  const parts = [area.postcodeDistrict, area.city, area.country]
    .map((part) => (part === null ? '' : oneLine(part).trim()))
    .filter((part) => part !== '');
  return parts.length === 0 ? 'Area not given' : parts.join(', ');
}

/**
 * The expiry in the partner's time zone, e.g. `Wed, 25 Nov 2026, 10:00 GMT`
 * (in UTC when the zone is not one the runtime knows).
 */
export function referralExpiryText(expiresAt: string, timeZone: string): string {
  const at = new Date(expiresAt);
  const format = (zone: string): string =>
    new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

function answerEntriesOf(answers: ReferralEmailInput['answers']) {
  return Object.entries(answers ?? {}).map(([key, value]) => ({
    label: answerLabel(key),
    value: displayValue(value),
  }));
}

/** The subject: `Lead offered: mortgage, M14, Manchester, GB`, on one line, at most 250 characters. */
export function referralEmailSubject(input: ReferralEmailInput): string {
  const subject = oneLine(`Lead offered: ${input.leadType}, ${referralAreaText(input.area)}`)
    .replace(/\s+/g, ' ')
    .trim();
  return subject.length > MAX_SUBJECT_LENGTH
    ? `${subject.slice(0, MAX_SUBJECT_LENGTH - 1)}…`
    : subject;
}

/** Each slot's HTML: text and attribute values escaped, the answers table built from escaped cells. */
function slotHtml(input: ReferralEmailInput): Record<ReferralEmailSlot, string> {
  const text = (value: string): string => escapeHtml(oneLine(value));
  const area = referralAreaText(input.area);
  const expiry = referralExpiryText(input.expiresAt, input.partner.timeZone);
  return {
    title: text(`Lead offered: ${input.leadType}`),
    preview: text(`${input.leadType} · ${area} · answer by ${expiry}`),
    leadtype: text(input.leadType),
    area: text(area),
    expiry: text(expiry),
    expiryutc: text(input.expiresAt),
    partner: text(input.partner.name),
    leadid: text(input.leadId),
    answers: answerTableHtmlOf(answerEntriesOf(input.answers)),
    accepturl: escapeHtml(input.links?.accept ?? ''),
    declineurl: escapeHtml(input.links?.decline ?? ''),
  };
}

const TOKENS = new RegExp(`lrref(${REFERRAL_EMAIL_SLOTS.join('|')})x`, 'g');

/**
 * The compiled HTML of `referralEmailMjml` with every token replaced by its
 * value, in one pass (a value that looks like a token stays as it is).
 */
export function fillReferralEmailHtml(compiledHtml: string, input: ReferralEmailInput): string {
  const html = slotHtml(input);
  return compiledHtml.replace(TOKENS, (_token, slot: ReferralEmailSlot) => html[slot]);
}

/** The plain-text part: the same offer, the answers, and the two links written out. */
export function renderReferralEmailText(input: ReferralEmailInput): string {
  const expiry = referralExpiryText(input.expiresAt, input.partner.timeZone);
  const answers = answerEntriesOf(input.answers).map(
    ({ label, value }) => `  ${oneLine(label)}: ${indentLines(plainText(value), '    ')}`,
  );
  const answer =
    input.links === null
      ? ['Accept or decline it in the LeadRail partner portal, under Referrals.']
      : [
          `Accept: ${input.links.accept}`,
          `Decline: ${input.links.decline}`,
          'Each link opens a page where you confirm your answer.',
        ];
  const sections = [
    [referralEmailSubject(input)],
    [
      "Accept this lead to receive the full lead, with the person's contact details.",
      `Answer by ${expiry}; after that the offer lapses.`,
    ],
    answer,
    answers.length > 0 ? ['Answers:', ...answers] : ['Answers: none given.'],
    [
      `Lead type: ${oneLine(input.leadType)}`,
      `Area: ${referralAreaText(input.area)}`,
      `Answer by: ${expiry} (${input.expiresAt})`,
      `Lead id: ${oneLine(input.leadId)}`,
    ],
    [`Sent by LeadRail to ${oneLine(input.partner.name)}.`],
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function indentLines(text: string, indent: string): string {
  return text
    .trim()
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${indent}${line}`))
    .join('\n');
}
