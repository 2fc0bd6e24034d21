import type { LeadEvent, LeadReceived } from '@leadrail/leads-domain';
import type { StoredLeadReceivedData } from '../personal-data/sealed-personal-data';

/**
 * A lead event as the log stores it and the relay reads it: `LeadReceived`
 * with its contact sealed, every other event exactly as the domain decided it
 * (none of them holds personal data).
 */
export type StoredLeadEvent =
  Exclude<LeadEvent, LeadReceived> | { type: 'LeadReceived'; data: StoredLeadReceivedData };

/** The stored data of one event type. */
export type StoredLeadEventData<T extends StoredLeadEvent['type']> = Extract<
  StoredLeadEvent,
  { type: T }
>['data'];
