import { type TemplateValues, valueOf } from '@leadrail/delivery-templates';
import { addressLines, answerEntries, displayValue } from './email-blocks';
import { oneLine, plainText } from './email-escaping';

/**
 * The plain-text part of a lead email: LeadRail's own summary of the lead
 * (name, contact, address, answers, type, value, ids), whatever the HTML
 * template says, so that a client showing text reads every field. Values keep
 * their line breaks only where a line is theirs (an answer's continuation
 * lines are indented); control characters become spaces.
 */
export function renderEmailText(values: TemplateValues, subject: string): string {
  const one = (name: string): string | undefined => {
    const value = valueOf(values, name);
    return value === undefined ? undefined : oneLine(displayValue(value)).trim() || undefined;
  };
  const field = (label: string, name: string): string[] => {
    const value = one(name);
    return value === undefined ? [] : [`${label}: ${value}`];
  };
  const address = addressLines(values).map((line) => `  ${oneLine(line)}`);
  const answers = answerEntries(values).map(
    ({ label, value }) => `  ${oneLine(label)}: ${indentLines(plainText(value), '    ')}`,
  );
  const value = [one('lead.value.decimal'), one('lead.value.currency')].filter(Boolean).join(' ');
  const sections = [
    [oneLine(subject)],
    [
      ...field('Name', 'lead.full_name'),
      ...field('Email', 'lead.email'),
      ...field('Phone', 'lead.phone'),
      ...(address.length > 0 ? ['Address:', ...address] : []),
    ],
    answers.length > 0 ? ['Answers:', ...answers] : [],
    [
      ...field('Lead type', 'lead.type'),
      ...(value === '' ? [] : [`Lead value: ${value}`]),
      ...field('Received', 'lead.received_at'),
      ...field('Introducer reference', 'lead.external_reference'),
      ...field('Lead id', 'lead.id'),
      ...field('Delivery id', 'delivery.id'),
    ],
    [`Sent by LeadRail${one('partner.name') ? ` to ${one('partner.name')}` : ''}.`],
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function indentLines(text: string, indent: string): string {
  return text
    .trim()
    .split('\n')
    .map((line, index) => (index === 0 ? line : `${indent}${line}`))
    .join('\n');
}
