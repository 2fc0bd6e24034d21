import { deciderSpecification } from '@leadrail/decider-testing';
import type { NotificationCommand } from './notification-aggregate';
import type { NotificationEvent } from './notification-events';
import { notificationAggregate, notificationIdOf } from './notification-stream';

const PARTNER = '5d5b3ca9-467b-42e6-83f3-f0d8a37de243';
const CAUSE = '9b1d3f5a-7c9e-4b2d-8f4a-6c8e0a2b4d61';
const ID = notificationIdOf(CAUSE, 'sms', PARTNER);
const AT = '2026-11-25T11:00:00.000Z';
const header = {
  notificationId: ID,
  partnerId: PARTNER,
  channel: 'sms' as const,
  purpose: 'low-funds' as const,
  causeEventId: CAUSE,
};

const spec = deciderSpecification(notificationAggregate);

const request = (to: string | null = '+447700900123'): NotificationCommand => ({
  type: 'RequestNotification',
  data: {
    ...header,
    to,
    subject: null,
    body: 'Funds low',
    skipReason: to === null ? 'no-phone' : null,
  },
  at: AT,
});
const requested: NotificationEvent = {
  type: 'NotificationRequested',
  data: { ...header, at: AT, to: '+447700900123', subject: null, body: 'Funds low' },
};

describe('a notification', () => {
  it('derives one id per cause, channel and partner', () => {
    expect(notificationIdOf(CAUSE, 'sms', PARTNER)).toBe(ID);
    expect(notificationIdOf(CAUSE, 'email', PARTNER)).not.toBe(ID);
  });

  it('is requested once, or skipped with the reason when there is nowhere to send it', () => {
    spec.given([]).when(request()).then([requested]);
    spec.given([requested]).when(request()).then([]);
    spec
      .given([])
      .when(request(null))
      .then([{ type: 'NotificationSkipped', data: { ...header, at: AT, reason: 'no-phone' } }]);
  });

  it('records the send once, with its cost and attempts', () => {
    const sent: NotificationCommand = {
      type: 'RecordSent',
      data: { providerId: 'SM1', cost: { amount: 5, currency: 'GBP' } },
      at: AT,
    };
    const event: NotificationEvent = {
      type: 'NotificationSent',
      data: {
        ...header,
        at: AT,
        to: '+447700900123',
        providerId: 'SM1',
        cost: { amount: 5, currency: 'GBP' },
        attempts: 1,
      },
    };
    spec.given([requested]).when(sent).then([event]);
    spec.given([requested, event]).when(sent).then([]);
  });

  it('retries an error until there is no retry left, then fails', () => {
    const retry: NotificationEvent = {
      type: 'NotificationAttemptFailed',
      data: {
        ...header,
        at: AT,
        attempt: 1,
        reason: 'Twilio 500',
        retryAt: '2026-11-25T11:00:30.000Z',
      },
    };
    spec
      .given([requested])
      .when({
        type: 'RecordAttemptFailed',
        data: { reason: 'Twilio 500', retryAt: '2026-11-25T11:00:30.000Z' },
        at: AT,
      })
      .then([retry]);
    spec
      .given([requested, retry])
      .when({
        type: 'RecordAttemptFailed',
        data: { reason: 'Twilio 21211', retryAt: null },
        at: AT,
      })
      .then([
        {
          type: 'NotificationFailed',
          data: { ...header, at: AT, to: '+447700900123', reason: 'Twilio 21211', attempts: 2 },
        },
      ]);
  });

  it("keeps each of the provider's statuses once", () => {
    const status: NotificationCommand = {
      type: 'RecordProviderStatus',
      data: { providerId: 'SM1', status: 'delivered', errorCode: null },
      at: AT,
    };
    const changed: NotificationEvent = {
      type: 'NotificationStatusChanged',
      data: { ...header, at: AT, providerId: 'SM1', status: 'delivered', errorCode: null },
    };
    spec.given([requested]).when(status).then([changed]);
    spec.given([requested, changed]).when(status).then([]);
    spec.given([]).when(status).then([]);
    // A late `sent` after `delivered` does not take it back.
    spec
      .given([requested, changed])
      .when({ ...status, data: { ...status.data, status: 'sent' } })
      .then([]);
  });
});
