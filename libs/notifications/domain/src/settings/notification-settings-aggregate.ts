import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type NotificationSettings,
  TEMPLATE_VARIABLES,
  type TemplatePurpose,
  templateProblems,
} from './notification-settings';

export type NotificationSettingsEvent = {
  type: 'NotificationSettingsChanged';
  data: {
    settings: NotificationSettings;
    changedBy: { type: 'operator'; id: string };
    changedAt: string;
  };
};

export interface ChangeNotificationSettings {
  type: 'ChangeNotificationSettings';
  data: { settings: NotificationSettings; changedBy: { type: 'operator'; id: string } };
  at: string;
}

/** A refused setting, by field (an API answers 400 naming them). */
export class NotificationSettingsError extends Error {
  constructor(readonly problems: { field: string; messages: string[] }[]) {
    super(problems.map((problem) => `${problem.field} ${problem.messages.join('; ')}`).join('. '));
    this.name = 'NotificationSettingsError';
  }
}

/** The one settings stream of the operator. */
export const NOTIFICATION_SETTINGS_STREAM_ID = 'operator';

/** Checks and records the operators' notification settings; the same settings again record nothing. */
export function decideNotificationSettings(
  command: ChangeNotificationSettings,
  state: NotificationSettings,
): NotificationSettingsEvent[] {
  const { settings } = command.data;
  const problems: { field: string; messages: string[] }[] = [];
  const { amount, currency } = settings.smsRate;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    problems.push({
      field: 'smsRate.amount',
      messages: ['must be whole minor units, zero or more'],
    });
  }
  if (!/^[A-Z]{3}$/.test(currency)) {
    problems.push({ field: 'smsRate.currency', messages: ['must be an ISO 4217 code like GBP'] });
  }
  for (const purpose of Object.keys(TEMPLATE_VARIABLES) as TemplatePurpose[]) {
    const messages = templateProblems(purpose, settings.smsTemplates[purpose] ?? '');
    if (messages.length > 0) {
      problems.push({ field: `smsTemplates.${purpose}`, messages });
    }
  }
  if (problems.length > 0) {
    throw new NotificationSettingsError(problems);
  }
  if (JSON.stringify(settings) === JSON.stringify(state)) {
    return [];
  }
  return [
    {
      type: 'NotificationSettingsChanged',
      data: { settings, changedBy: command.data.changedBy, changedAt: command.at },
    },
  ];
}

export const notificationSettingsAggregate = {
  initialState: (): NotificationSettings => DEFAULT_NOTIFICATION_SETTINGS,
  decide: decideNotificationSettings,
  evolve: (_state: NotificationSettings, event: NotificationSettingsEvent): NotificationSettings =>
    event.data.settings,
  streamName: (id: string) => `notificationSettings-${id}`,
  isEvent: (event: { type: string; data: unknown }): event is NotificationSettingsEvent =>
    event.type === 'NotificationSettingsChanged',
};
