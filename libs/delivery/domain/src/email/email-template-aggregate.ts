import { checkEmailTemplate } from './check-email-template';
import { DEFAULT_EMAIL_TEMPLATE } from './default-email-template';
import {
  EmailTemplateError,
  EmailTemplateErrorCode,
  EmailTemplateProblemCode,
  invalidEmailTemplate,
} from './email-template-error';
import {
  EMAIL_TEMPLATE_EVENT_TYPES,
  type EmailTemplate,
  type EmailTemplateCommand,
  type EmailTemplateEvent,
  type EmailTemplateSetting,
  INITIAL_EMAIL_TEMPLATE_SETTING,
  emailTemplateStream,
} from './email-template-model';

/** Longest reason for a change, in characters (code points). */
export const MAX_REASON_LENGTH = 500;

/**
 * Decides a change of the email template. Replacing checks the template (see
 * `checkEmailTemplate`; MJML's own validation runs in the service before the
 * command, as this library may not run `mjml`); the same template again, or a
 * reset while the default applies, decides nothing. Each event carries the
 * version it makes, the actor, the time and the reason given.
 */
export function decideEmailTemplate(
  command: EmailTemplateCommand,
  state: EmailTemplateSetting,
): EmailTemplateEvent[] {
  const reason = checkedReason(command.data.reason);
  const change = {
    version: state.version + 1,
    changedBy: { type: command.metadata.actor.type, id: command.metadata.actor.id },
    changedAt: command.metadata.occurredAt,
    ...(reason === undefined ? {} : { reason }),
  };
  switch (command.type) {
    case 'ReplaceEmailTemplate': {
      const template = { subject: command.data.subject, mjml: command.data.mjml };
      const problems = checkEmailTemplate(template);
      if (problems.length > 0) {
        throw invalidEmailTemplate(problems);
      }
      if (
        state.custom !== null &&
        state.custom.subject === template.subject &&
        state.custom.mjml === template.mjml
      ) {
        return [];
      }
      return [{ type: 'EmailTemplateReplaced', data: { ...change, ...template } }];
    }
    case 'ResetEmailTemplate':
      return state.custom === null ? [] : [{ type: 'EmailTemplateReset', data: change }];
  }
}

/** Folds one event. */
export function evolveEmailTemplate(
  state: EmailTemplateSetting,
  event: EmailTemplateEvent,
): EmailTemplateSetting {
  const change = {
    version: event.data.version,
    changedAt: event.data.changedAt,
    changedBy: event.data.changedBy,
    reason: event.data.reason ?? null,
  };
  switch (event.type) {
    case 'EmailTemplateReplaced':
      return { ...change, custom: { subject: event.data.subject, mjml: event.data.mjml } };
    case 'EmailTemplateReset':
      return { ...change, custom: null };
  }
}

/** The template deliveries use: the operators' own, or LeadRail's default. */
export function effectiveEmailTemplate(state: EmailTemplateSetting): EmailTemplate {
  return state.custom ?? DEFAULT_EMAIL_TEMPLATE;
}

const KNOWN = new Set<string>(EMAIL_TEMPLATE_EVENT_TYPES);

/** The email template setting as an aggregate (`deliveryEmailTemplate-current`), in the event store's `Aggregate` shape. */
export const emailTemplateAggregate = {
  initialState: (): EmailTemplateSetting => INITIAL_EMAIL_TEMPLATE_SETTING,
  decide: decideEmailTemplate,
  evolve: evolveEmailTemplate,
  streamName: emailTemplateStream,
  isEvent: (event: { type: string; data: unknown }): event is EmailTemplateEvent =>
    KNOWN.has(event.type),
} satisfies {
  initialState(): EmailTemplateSetting;
  decide(command: EmailTemplateCommand, state: EmailTemplateSetting): EmailTemplateEvent[];
  evolve(state: EmailTemplateSetting, event: EmailTemplateEvent): EmailTemplateSetting;
  streamName(id: string): string;
  isEvent(event: { type: string; data: unknown }): event is EmailTemplateEvent;
};

function checkedReason(reason: unknown): string | undefined {
  if (reason === undefined) {
    return undefined;
  }
  const text = typeof reason === 'string' ? reason.trim() : '';
  const fault =
    text === ''
      ? 'a reason, when given, must not be blank'
      : Array.from(text).length > MAX_REASON_LENGTH
        ? `a reason is at most ${MAX_REASON_LENGTH} characters`
        : /[\p{Cc}\u2028\u2029]/u.test(text.replace(/\r?\n/g, ' '))
          ? 'a reason holds no control characters'
          : undefined;
  if (fault !== undefined) {
    throw new EmailTemplateError(EmailTemplateErrorCode.INVALID_COMMAND, fault, [
      {
        field: 'reason',
        code: EmailTemplateProblemCode.INVALID_REASON,
        message: fault,
        line: 1,
        column: 1,
      },
    ]);
  }
  return text;
}
