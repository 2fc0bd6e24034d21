import Mustache from 'mustache';

/** The variables a text template may use, per purpose. */
export const TEMPLATE_VARIABLES = {
  referral: ['partnerName', 'leadType', 'area', 'expiresAt'],
  'low-funds': ['partnerName', 'available', 'threshold'],
} as const;

export type TemplatePurpose = keyof typeof TEMPLATE_VARIABLES;

/** What operators set for notifications. */
export interface NotificationSettings {
  /** What one SMS costs the operator; each text sent is costed at it. */
  smsRate: { amount: number; currency: string };
  /** The texts, Mustache templates of the purpose's variables. */
  smsTemplates: Record<TemplatePurpose, string>;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  smsRate: { amount: 5, currency: 'GBP' },
  smsTemplates: {
    referral:
      'LeadRail: a new {{leadType}} lead in {{area}} is offered to {{partnerName}}. Accept or decline by {{expiresAt}} from your email or portal.',
    'low-funds':
      'LeadRail: {{partnerName}}, your available funds are {{available}}, at or below your alert level of {{threshold}}. Top up to keep receiving leads.',
  },
};

/** The longest text sent, in characters (four segments of GSM-7; fewer characters fit in UCS-2). */
export const MAX_SMS_LENGTH = 612;

/**
 * Problems with a template, by field: it must parse, use only its
 * purpose's variables, and hold no sections or partials (a text is a line
 * of words, not a program). Empty when it is fine.
 */
export function templateProblems(purpose: TemplatePurpose, template: string): string[] {
  if (template.trim() === '') {
    return ['must not be empty'];
  }
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(template);
  } catch (error) {
    return [`does not parse: ${(error as Error).message}`];
  }
  const allowed = new Set<string>(TEMPLATE_VARIABLES[purpose]);
  const problems: string[] = [];
  for (const token of tokens as [string, string][]) {
    const [kind, name] = token;
    if (kind === 'text') {
      continue;
    }
    if (kind !== 'name' && kind !== '&') {
      problems.push(`uses {{${kind}${name}}}: only variables are allowed`);
    } else if (!allowed.has(name)) {
      problems.push(`uses {{${name}}}, which is not one of ${[...allowed].join(', ')}`);
    }
  }
  return problems;
}

/**
 * Renders a text: values as given (an SMS is plain text: nothing to escape),
 * then ` Ref <reference>` (the notification's, so two texts of the same words
 * are told apart when a lost answer is looked up), cut by characters (never
 * half of one) so the whole stays within the longest text.
 */
export function renderSms(
  template: string,
  values: Record<string, string>,
  reference: string,
): string {
  const suffix = ` Ref ${reference}`;
  const room = MAX_SMS_LENGTH - suffix.length;
  const characters = Array.from(
    Mustache.render(template, values, {}, { escape: (value: string) => value }),
  );
  const text =
    characters.length <= room ? characters.join('') : `${characters.slice(0, room - 1).join('')}…`;
  return `${text}${suffix}`;
}
