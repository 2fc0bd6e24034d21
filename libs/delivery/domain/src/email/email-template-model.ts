/** The category of the operators' email template stream; camel case, no dash. */
export const EMAIL_TEMPLATE_STREAM_CATEGORY = 'deliveryEmailTemplate';

/** The one email template setting of a LeadRail installation. */
export const EMAIL_TEMPLATE_STREAM_ID = 'current';

/** The email template stream: `deliveryEmailTemplate-current`. */
export function emailTemplateStream(id: string = EMAIL_TEMPLATE_STREAM_ID): string {
  return `${EMAIL_TEMPLATE_STREAM_CATEGORY}-${id}`;
}

/**
 * What a lead email is made from: a one-line subject and an MJML body, both
 * with template variables (`{{ lead.first_name }}`, docs/delivery-service.md).
 */
export interface EmailTemplate {
  readonly subject: string;
  readonly mjml: string;
}

/** Who changed the setting: an operator, or LeadRail itself (a migration). */
export interface EmailTemplateActor {
  readonly type: 'operator' | 'system';
  readonly id: string;
}

/**
 * The operators' email template setting (Settings > Configuration > Email):
 * their own template, or none while LeadRail's default applies. Versions count
 * the changes: 0 is the default never changed, each change adds one.
 */
export interface EmailTemplateSetting {
  readonly custom: EmailTemplate | null;
  readonly version: number;
  readonly changedAt: string | null;
  readonly changedBy: EmailTemplateActor | null;
  readonly reason: string | null;
}

export const INITIAL_EMAIL_TEMPLATE_SETTING: EmailTemplateSetting = {
  custom: null,
  version: 0,
  changedAt: null,
  changedBy: null,
  reason: null,
};

/** Who issues a command, when (ISO 8601 UTC, from the caller's clock), and why. */
export interface EmailTemplateCommandMetadata {
  readonly actor: EmailTemplateActor;
  readonly occurredAt: string;
}

export interface ReplaceEmailTemplate {
  readonly type: 'ReplaceEmailTemplate';
  readonly data: { readonly subject: string; readonly mjml: string; readonly reason?: string };
  readonly metadata: EmailTemplateCommandMetadata;
}

export interface ResetEmailTemplate {
  readonly type: 'ResetEmailTemplate';
  readonly data: { readonly reason?: string };
  readonly metadata: EmailTemplateCommandMetadata;
}

export type EmailTemplateCommand = ReplaceEmailTemplate | ResetEmailTemplate;

/** Every change as stored: the version it makes, who made it, when and why. */
interface ChangeData {
  version: number;
  changedBy: EmailTemplateActor;
  changedAt: string;
  /** Absent when no reason was given. */
  reason?: string;
}

export interface EmailTemplateReplaced {
  type: 'EmailTemplateReplaced';
  data: ChangeData & { subject: string; mjml: string };
}

export interface EmailTemplateReset {
  type: 'EmailTemplateReset';
  data: ChangeData;
}

export type EmailTemplateEvent = EmailTemplateReplaced | EmailTemplateReset;

export const EMAIL_TEMPLATE_EVENT_TYPES = [
  'EmailTemplateReplaced',
  'EmailTemplateReset',
] as const satisfies readonly EmailTemplateEvent['type'][];
