import type { ChannelSender } from './channel-sender';

/** The sender of each channel. */
export type ChannelSenders = Record<'email' | 'internet', ChannelSender>;

/** Injection token of {@link ChannelSenders}. */
export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');
