import { deciderSpecification } from '@leadrail/decider-testing';
import type { RecordAttempt, RequestDelivery } from './delivery-commands';
import { DeliveryErrorCode } from './delivery-error';
import type { DeliveryEvent } from './delivery-events';
import { deliveryAggregate } from './delivery-aggregate';
import { deliveryIdOf } from './delivery-id';
import { dueChannels } from './delivery-state';

const LEAD = '3f6c1b9a-7d42-4e8f-b1a3-5c9d2e7f4a10';
const PARTNER = '5d5b3ca9-467b-42e6-83f3-f0d8a37de243';
const DELIVERY = deliveryIdOf(LEAD, PARTNER);
const IDS = { deliveryId: DELIVERY, leadId: LEAD, partnerId: PARTNER };
const AT = '2026-11-25T09:00:00.000Z';
const RETRY_AT = '2026-11-25T09:00:30.000Z';

const spec = deciderSpecification(deliveryAggregate);

function requestDelivery(
  channels: ('email' | 'internet')[] = ['internet'],
  redelivery = false,
): RequestDelivery {
  return { type: 'RequestDelivery', data: { ...IDS, channels, redelivery }, at: AT };
}

function requested(channels: ('email' | 'internet')[] = ['internet'], redelivery = false) {
  return {
    type: 'DeliveryRequested',
    data: { ...IDS, channels, requestedAt: AT, redelivery },
  } satisfies DeliveryEvent;
}

function attempt(
  outcome: 'accepted' | 'rejected' | 'error',
  options: Partial<RecordAttempt['data']> = {},
): RecordAttempt {
  return {
    type: 'RecordAttempt',
    data: {
      channel: 'internet',
      attempt: 1,
      startedAt: AT,
      durationMs: 120,
      outcome,
      httpStatus: outcome === 'accepted' ? 200 : outcome === 'rejected' ? 422 : 503,
      reason: outcome === 'accepted' ? null : `HTTP ${outcome}`,
      partnerReference: outcome === 'accepted' ? 'P-1' : null,
      retryAt: outcome === 'error' ? RETRY_AT : null,
      ...options,
    },
    at: AT,
  };
}

function attempted(command: RecordAttempt): DeliveryEvent {
  const { data } = command;
  return {
    type: 'DeliveryAttempted',
    data: {
      ...IDS,
      channel: data.channel,
      attempt: data.attempt,
      startedAt: data.startedAt,
      durationMs: data.durationMs,
      outcome: data.outcome,
      httpStatus: data.httpStatus,
      reason: data.reason,
      nextAttemptAt: data.outcome === 'error' ? data.retryAt : null,
    },
  };
}

describe('delivery', () => {
  it('is requested once per lead and partner, whatever redelivers the trigger', () => {
    spec.given([]).when(requestDelivery()).then([requested()]);
    spec.given([requested()]).when(requestDelivery()).then([]);
    expect(deliveryIdOf(LEAD.toUpperCase(), PARTNER)).toBe(DELIVERY);
  });

  it('succeeds on an accepted attempt, with the partner reference', () => {
    const accept = attempt('accepted');
    spec
      .given([requested()])
      .when(accept)
      .then([
        attempted(accept),
        {
          type: 'DeliverySucceeded',
          data: {
            ...IDS,
            channels: ['internet'],
            partnerReference: 'P-1',
            deliveredAt: AT,
            attempts: 1,
            redelivery: false,
          },
        },
      ]);
  });

  it('is rejected for good on a rejection, never retried', () => {
    const reject = attempt('rejected', { reason: 'duplicate applicant' });
    spec
      .given([requested()])
      .when(reject)
      .then([
        attempted(reject),
        {
          type: 'DeliveryRejected',
          data: {
            ...IDS,
            reason: 'duplicate applicant',
            partnerReference: null,
            rejectedAt: AT,
            attempts: 1,
          },
        },
      ]);
  });

  it('waits for the retry after an error, and fails when no attempts are left', () => {
    const first = attempt('error');
    spec
      .given([requested()])
      .when(first)
      .then([attempted(first)]);
    const last = attempt('error', { attempt: 2, retryAt: null, reason: 'timeout' });
    spec
      .given([requested(), attempted(first)])
      .when(last)
      .then([
        attempted(last),
        {
          type: 'DeliveryFailed',
          data: { ...IDS, reason: 'timeout', failedAt: AT, attempts: 2 },
        },
      ]);
  });

  it('records an attempt once: a repeat (a process stopped after sending) changes nothing', () => {
    const first = attempt('error');
    spec
      .given([requested(), attempted(first)])
      .when(first)
      .then([]);
  });

  it('lets the first channel decide and the second go on alongside', () => {
    const channels: ('internet' | 'email')[] = ['internet', 'email'];
    const accept = attempt('accepted');
    const succeeded = deliveryAggregate.decide(accept, given([requested(channels)]));
    expect(succeeded.map((event) => event.type)).toEqual([
      'DeliveryAttempted',
      'DeliverySucceeded',
    ]);
    const after = given([requested(channels), ...succeeded]);
    expect(dueChannels(after)).toEqual([{ channel: 'email', attempt: 1, dueAt: null }]);
    const email = attempt('error', { channel: 'email', httpStatus: null });
    expect(deliveryAggregate.decide(email, after)).toEqual([attempted(email)]);
  });

  it('redelivers only a lead the partner has, marked as a redelivery', () => {
    const accept = attempt('accepted');
    const delivered = [requested(), ...deliveryAggregate.decide(accept, given([requested()]))];
    spec
      .given(delivered)
      .when(requestDelivery(['internet'], true))
      .then([requested(['internet'], true)]);
    spec
      .given([requested()])
      .when(requestDelivery(['internet'], true))
      .thenThrows(DeliveryErrorCode.NOT_DELIVERED);
    // Attempts are numbered afresh in each round, so ids derived from the round stay distinct.
    const again = given([...delivered, requested(['internet'], true)]);
    expect(again).toMatchObject({ round: 2, status: 'pending', attempts: 0, redelivery: true });
    expect(dueChannels(again)).toEqual([{ channel: 'internet', attempt: 1, dueAt: null }]);
  });

  it('refuses an attempt by a channel the delivery does not use', () => {
    spec
      .given([requested()])
      .when(attempt('accepted', { channel: 'email' }))
      .thenThrows(DeliveryErrorCode.CHANNEL_NOT_REQUESTED);
  });
});

function given(events: DeliveryEvent[]) {
  return events.reduce(deliveryAggregate.evolve, deliveryAggregate.initialState());
}
