import type { NotificationEvent } from './notification-events';

export type NotificationChannel = 'sms' | 'email';
export type NotificationPurpose = 'referral' | 'low-funds';

/** Who and what a notification is, fixed when it is requested. */
export interface NotificationHeader {
  notificationId: string;
  partnerId: string;
  channel: NotificationChannel;
  purpose: NotificationPurpose;
  causeEventId: string;
}

export type NotificationCommand =
  | {
      type: 'RequestNotification';
      /** `to` null: the partner has no address for the channel (skipped with `skipReason`). */
      data: NotificationHeader & {
        to: string | null;
        subject: string | null;
        body: string;
        skipReason: string | null;
      };
      at: string;
    }
  | {
      type: 'RecordSent';
      data: { providerId: string | null; cost: { amount: number; currency: string } | null };
      at: string;
    }
  | {
      type: 'RecordAttemptFailed';
      /** `retryAt` null: no more attempts (the provider refused for good, or retries are spent). */
      data: { reason: string; retryAt: string | null };
      at: string;
    }
  | {
      type: 'RecordProviderStatus';
      data: { providerId: string; status: string; errorCode: string | null };
      at: string;
    };

export interface NotificationState {
  header: NotificationHeader | null;
  status: 'new' | 'pending' | 'sent' | 'failed' | 'skipped';
  to: string | null;
  body: string | null;
  attempts: number;
  providerStatus: string | null;
}

export function initialNotificationState(): NotificationState {
  return { header: null, status: 'new', to: null, body: null, attempts: 0, providerStatus: null };
}

/**
 * Decides a notification command. Every step is decided once: a request
 * repeated (a redelivered cause) or an outcome recorded twice (a stop between
 * sending and recording, resolved by looking the message up) decides nothing.
 */
export function decideNotification(
  command: NotificationCommand,
  state: NotificationState,
): NotificationEvent[] {
  if (command.type === 'RequestNotification') {
    if (state.status !== 'new') {
      return [];
    }
    const { to, subject, body, skipReason, ...header } = command.data;
    if (to === null) {
      return [
        {
          type: 'NotificationSkipped',
          data: { ...header, at: command.at, reason: skipReason ?? 'no-address' },
        },
      ];
    }
    return [
      { type: 'NotificationRequested', data: { ...header, at: command.at, to, subject, body } },
    ];
  }
  const { header, to } = state;
  if (header === null || to === null) {
    return [];
  }
  switch (command.type) {
    case 'RecordSent':
      return state.status !== 'pending'
        ? []
        : [
            {
              type: 'NotificationSent',
              data: {
                ...header,
                at: command.at,
                to,
                providerId: command.data.providerId,
                cost: command.data.cost,
                attempts: state.attempts + 1,
              },
            },
          ];
    case 'RecordAttemptFailed': {
      if (state.status !== 'pending') {
        return [];
      }
      const attempt = state.attempts + 1;
      const { reason, retryAt } = command.data;
      return retryAt === null
        ? [
            {
              type: 'NotificationFailed',
              data: { ...header, at: command.at, to, reason, attempts: attempt },
            },
          ]
        : [
            {
              type: 'NotificationAttemptFailed',
              data: { ...header, at: command.at, attempt, reason, retryAt },
            },
          ];
    }
    case 'RecordProviderStatus':
      // A status before the send was recorded is kept too: the provider has the message. Callbacks
      // may come out of order: a status never goes back (a late `sent` after `delivered`).
      return state.providerStatus === command.data.status ||
        statusRank(command.data.status) < statusRank(state.providerStatus)
        ? []
        : [
            {
              type: 'NotificationStatusChanged',
              data: { ...header, at: command.at, ...command.data },
            },
          ];
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** How far a message has got, in Twilio's words: later statuses rank higher. */
const STATUS_RANK: Record<string, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  read: 5,
};

function statusRank(status: string | null): number {
  return status === null ? 0 : (STATUS_RANK[status] ?? 0);
}

export function evolveNotification(
  state: NotificationState,
  event: NotificationEvent,
): NotificationState {
  switch (event.type) {
    case 'NotificationRequested': {
      const { notificationId, partnerId, channel, purpose, causeEventId, to, body } = event.data;
      return {
        ...state,
        header: { notificationId, partnerId, channel, purpose, causeEventId },
        status: 'pending',
        to,
        body,
      };
    }
    case 'NotificationSkipped': {
      const { notificationId, partnerId, channel, purpose, causeEventId } = event.data;
      return {
        ...state,
        header: { notificationId, partnerId, channel, purpose, causeEventId },
        status: 'skipped',
      };
    }
    case 'NotificationAttemptFailed':
      return { ...state, attempts: event.data.attempt };
    case 'NotificationSent':
      return { ...state, status: 'sent', attempts: event.data.attempts };
    case 'NotificationFailed':
      return { ...state, status: 'failed', attempts: event.data.attempts };
    case 'NotificationStatusChanged':
      return { ...state, providerStatus: event.data.status };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
