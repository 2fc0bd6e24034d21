import type { DeliveryChannel } from './delivery-events';

/** Where one channel of a delivery stands. */
export interface ChannelProgress {
  attempts: number;
  status: 'pending' | 'accepted' | 'rejected' | 'failed';
  /** When the next attempt is due; null: at once (nothing tried yet) or none (finished). */
  nextAttemptAt: string | null;
}

/** A delivery folded from its stream. */
export interface DeliveryState {
  deliveryId: string | null;
  leadId: string | null;
  partnerId: string | null;
  /** The channels asked for; the first decides the outcome. */
  channels: DeliveryChannel[];
  /** `pending` until the deciding channel's outcome is final. */
  status: 'new' | 'pending' | 'succeeded' | 'rejected' | 'failed';
  progress: Partial<Record<DeliveryChannel, ChannelProgress>>;
  /** Attempts over all channels since the latest request. */
  attempts: number;
  /** How many times delivery was requested (1, then one more per redelivery): attempts are numbered within each. */
  round: number;
  redelivery: boolean;
  partnerReference: string | null;
}

export function initialDeliveryState(): DeliveryState {
  return {
    deliveryId: null,
    leadId: null,
    partnerId: null,
    channels: [],
    status: 'new',
    progress: {},
    attempts: 0,
    round: 0,
    redelivery: false,
    partnerReference: null,
  };
}

/** The channels with an attempt to make, and when each is due (null: now). */
export function dueChannels(
  state: DeliveryState,
): { channel: DeliveryChannel; attempt: number; dueAt: string | null }[] {
  return state.channels.flatMap((channel) => {
    const progress = state.progress[channel];
    return progress?.status === 'pending'
      ? [{ channel, attempt: progress.attempts + 1, dueAt: progress.nextAttemptAt }]
      : [];
  });
}
