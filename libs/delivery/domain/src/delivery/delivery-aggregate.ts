import type { DeliveryCommand, RecordAttempt, RequestDelivery } from './delivery-commands';
import { DeliveryError, DeliveryErrorCode } from './delivery-error';
import { DELIVERY_EVENT_TYPES, type DeliveryEvent } from './delivery-events';
import { deliveryStream } from './delivery-id';
import { type ChannelProgress, type DeliveryState, initialDeliveryState } from './delivery-state';

/**
 * Decides a delivery command. A delivery is one lead to one partner by one
 * or two channels; the first channel (internet when the partner has it)
 * decides the outcome, a second (email alongside) is best effort. Repeating
 * a command that took effect decides nothing, so a redelivered trigger or an
 * attempt recorded twice (a process stopped after sending) changes nothing.
 */
export function decideDelivery(command: DeliveryCommand, state: DeliveryState): DeliveryEvent[] {
  switch (command.type) {
    case 'RequestDelivery':
      return request(command, state);
    case 'RecordAttempt':
      return recordAttempt(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function request(command: RequestDelivery, state: DeliveryState): DeliveryEvent[] {
  const { data } = command;
  if (data.channels.length === 0 || new Set(data.channels).size !== data.channels.length) {
    throw new DeliveryError(
      DeliveryErrorCode.INVALID_COMMAND,
      'one or two distinct channels are needed',
      'channels',
    );
  }
  if (data.redelivery) {
    if (state.status !== 'succeeded') {
      throw new DeliveryError(
        DeliveryErrorCode.NOT_DELIVERED,
        `only a lead the partner has is redelivered (this delivery is ${state.status})`,
      );
    }
  } else if (state.status !== 'new') {
    return [];
  }
  return [
    {
      type: 'DeliveryRequested',
      data: {
        deliveryId: data.deliveryId,
        leadId: data.leadId,
        partnerId: data.partnerId,
        channels: [...data.channels],
        requestedAt: command.at,
        redelivery: data.redelivery,
      },
    },
  ];
}

function recordAttempt(command: RecordAttempt, state: DeliveryState): DeliveryEvent[] {
  const { data } = command;
  if (state.deliveryId === null || state.leadId === null || state.partnerId === null) {
    throw new DeliveryError(DeliveryErrorCode.NOT_REQUESTED, 'no delivery was requested');
  }
  const progress = state.progress[data.channel];
  if (progress === undefined) {
    throw new DeliveryError(
      DeliveryErrorCode.CHANNEL_NOT_REQUESTED,
      `this delivery does not go by ${data.channel}`,
      'channel',
    );
  }
  // Recorded already (a repeat), or the channel is done with.
  if (progress.status !== 'pending' || data.attempt !== progress.attempts + 1) {
    return [];
  }
  const ids = { deliveryId: state.deliveryId, leadId: state.leadId, partnerId: state.partnerId };
  const retryAt = data.outcome === 'error' ? data.retryAt : null;
  const attempts = state.attempts + 1;
  const events: DeliveryEvent[] = [
    {
      type: 'DeliveryAttempted',
      data: {
        ...ids,
        channel: data.channel,
        attempt: data.attempt,
        startedAt: data.startedAt,
        durationMs: data.durationMs,
        outcome: data.outcome,
        httpStatus: data.httpStatus,
        reason: data.reason,
        nextAttemptAt: retryAt,
      },
    },
  ];
  if (state.status !== 'pending' || data.channel !== state.channels[0]) {
    return events;
  }
  const reason = data.reason ?? `${data.outcome} by ${data.channel}`;
  if (data.outcome === 'accepted') {
    const accepted = state.channels.filter(
      (channel) => channel === data.channel || state.progress[channel]?.status === 'accepted',
    );
    events.push({
      type: 'DeliverySucceeded',
      data: {
        ...ids,
        channels: accepted,
        partnerReference: data.partnerReference,
        deliveredAt: command.at,
        attempts,
        redelivery: state.redelivery,
      },
    });
  } else if (data.outcome === 'rejected') {
    events.push({
      type: 'DeliveryRejected',
      data: {
        ...ids,
        reason,
        partnerReference: data.partnerReference,
        rejectedAt: command.at,
        attempts,
      },
    });
  } else if (retryAt === null) {
    events.push({
      type: 'DeliveryFailed',
      data: { ...ids, reason, failedAt: command.at, attempts },
    });
  }
  return events;
}

export function evolveDelivery(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  switch (event.type) {
    case 'DeliveryRequested': {
      const { deliveryId, leadId, partnerId, channels, redelivery } = event.data;
      const pending: ChannelProgress = { attempts: 0, status: 'pending', nextAttemptAt: null };
      return {
        ...state,
        deliveryId,
        leadId,
        partnerId,
        channels,
        status: 'pending',
        progress: Object.fromEntries(channels.map((channel) => [channel, { ...pending }])),
        attempts: 0,
        round: state.round + 1,
        redelivery,
      };
    }
    case 'DeliveryAttempted': {
      const { channel, attempt, outcome, nextAttemptAt } = event.data;
      const status: ChannelProgress['status'] =
        outcome === 'accepted'
          ? 'accepted'
          : outcome === 'rejected'
            ? 'rejected'
            : nextAttemptAt === null
              ? 'failed'
              : 'pending';
      return {
        ...state,
        attempts: state.attempts + 1,
        progress: { ...state.progress, [channel]: { attempts: attempt, status, nextAttemptAt } },
      };
    }
    case 'DeliverySucceeded':
      return { ...state, status: 'succeeded', partnerReference: event.data.partnerReference };
    case 'DeliveryRejected':
      return { ...state, status: 'rejected', partnerReference: event.data.partnerReference };
    case 'DeliveryFailed':
      return { ...state, status: 'failed' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const KNOWN_TYPES = new Set<string>(DELIVERY_EVENT_TYPES);

/** Whether a recorded event is a delivery event. */
export function isDeliveryEvent(event: { type: string; data: unknown }): event is DeliveryEvent {
  return KNOWN_TYPES.has(event.type);
}

/**
 * The delivery as an aggregate: the shape of the event store's `Aggregate`
 * without importing it, so the domain stays free of I/O libraries.
 */
export const deliveryAggregate = {
  initialState: initialDeliveryState,
  decide: decideDelivery,
  evolve: evolveDelivery,
  streamName: deliveryStream,
  isEvent: isDeliveryEvent,
};
