import {
  ANSWER_PREFIX,
  type TemplateValue,
  type TemplateValues,
  valueOf,
} from '@leadrail/delivery-templates';
import { escapeHtml } from './email-escaping';

/** What a value reads as to a person: booleans as Yes and No. */
export function displayValue(value: TemplateValue): string {
  return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
}

/** A lead's address as the lines it has: `line1`, `line2`, `city postcode`, `country`. */
export function addressLines(values: TemplateValues): string[] {
  const part = (name: string): string => {
    const value = valueOf(values, `lead.address.${name}`);
    return value === undefined ? '' : displayValue(value).trim();
  };
  return [
    part('line1'),
    part('line2'),
    [part('city'), part('postcode')].filter(Boolean).join(' '),
    part('country'),
  ].filter((line) => line !== '');
}

/** `property_value` → `Property value`. */
export function answerLabel(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The lead's answers (`lead.answers.<key>` values), in the order given, with their labels. */
export function answerEntries(values: TemplateValues): { label: string; value: string }[] {
  return Object.keys(values)
    .filter((name) => name.startsWith(ANSWER_PREFIX))
    .flatMap((name) => {
      const value = valueOf(values, name);
      return value === undefined
        ? []
        : [{ label: answerLabel(name.slice(ANSWER_PREFIX.length)), value: displayValue(value) }];
    });
}

/** `{{ lead.address }}`: the lines, escaped, joined by line breaks. */
export function addressHtml(values: TemplateValues): string {
  return addressLines(values).map(escapeHtml).join('<br />');
}

const CELL =
  'padding:8px 0;border-top:1px solid #e5e7eb;font-size:14px;line-height:20px;vertical-align:top;';
/** The style of a label cell in LeadRail's tables (answers, the default email's details). */
export const LABEL_CELL_STYLE = `${CELL}padding-right:12px;color:#6b7280;width:40%;`;
/** The style of a value cell: long words (a URL, a reference) wrap instead of widening the email. */
export const VALUE_CELL_STYLE = `${CELL}color:#111827;word-break:break-word;overflow-wrap:anywhere;`;

/** `{{ lead.answers_table }}`: a table of escaped labels and values, line breaks kept. */
export function answersTableHtml(values: TemplateValues): string {
  return answerTableHtmlOf(answerEntries(values));
}

/** The answers table of labelled answers (escaped here), or "No answers given." */
export function answerTableHtmlOf(entries: readonly { label: string; value: string }[]): string {
  if (entries.length === 0) {
    return '<p style="margin:0;color:#6b7280;">No answers given.</p>';
  }
  const rows = entries.map(
    ({ label, value }) =>
      `<tr><td style="${LABEL_CELL_STYLE}">${escapeHtml(label)}</td><td style="${VALUE_CELL_STYLE}">${escapeHtml(value).replace(/\r\n|\r|\n/g, '<br />')}</td></tr>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;">${rows.join('')}</table>`;
}
