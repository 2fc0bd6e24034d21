import type { RecordedEvent } from '@leadrail/event-store';
import {
  DEFAULT_LEAD_TYPE_ROUTING_METHOD,
  LEADS_SOURCE,
  type LeadTypeChangedV1Data,
  type LeadTypeDefinedV1Data,
  leadTypeKey,
} from '@leadrail/leads-contracts';
import type { LeadSettingsEvent } from '@leadrail/leads-domain';
import { integrationMessage, type OutboundMessage, type RelayRoute } from '@leadrail/messaging';
import { Topics } from '@leadrail/topics';

type Stored<T extends LeadSettingsEvent['type']> = Extract<LeadSettingsEvent, { type: T }>['data'];

// Copied by name, so nothing else the settings stream holds can reach the topic;
// the signatures prove at compile time that the stored data fits the contracts.
// Every message names the routing method: events stored before it existed were round-robin.
function definedData(stored: Stored<'LeadTypeDefined'>): LeadTypeDefinedV1Data {
  return {
    slug: stored.slug,
    name: stored.name,
    routingMethod: stored.routingMethod ?? DEFAULT_LEAD_TYPE_ROUTING_METHOD,
    definedAt: stored.definedAt,
  };
}

function changedData(stored: Stored<'LeadTypeChanged'>): LeadTypeChangedV1Data {
  return {
    slug: stored.slug,
    name: stored.name,
    active: stored.active,
    // Recorded since lead types have one; a change recorded before left it round-robin.
    routingMethod: stored.routingMethod ?? DEFAULT_LEAD_TYPE_ROUTING_METHOD,
    changedAt: stored.changedAt,
  };
}

function message(event: RecordedEvent, data: { slug: string }): OutboundMessage {
  const base = integrationMessage(
    { ...event, data },
    { topic: Topics.leads, source: LEADS_SOURCE },
  );
  // Keyed by the lead type, not by the settings stream (`current`): one type's events in order.
  return { ...base, key: leadTypeKey(data.slug) };
}

/**
 * The lead-type catalogue message of a recorded settings event, or undefined
 * for the other settings (de-duplication rules, statuses, referral timeout,
 * return window), which stay internal to the leads service.
 */
export function leadTypeMessage(event: RecordedEvent): OutboundMessage | undefined {
  switch (event.type) {
    case 'LeadTypeDefined':
      return message(event, definedData(event.data as Stored<'LeadTypeDefined'>));
    case 'LeadTypeChanged':
      return message(event, changedData(event.data as Stored<'LeadTypeChanged'>));
    default:
      return undefined;
  }
}

/**
 * The leads service's second relay: the operators' lead types (stream
 * `leadSettings-current`) published on `leadrail.leads.v1` as `LeadTypeDefined`
 * and `LeadTypeChanged`, keyed `lead-type:<slug>`, so that other services can
 * refer to lead types (partners refuses to buy one it never heard of).
 */
export const leadTypesRelay: RelayRoute = {
  name: 'lead-types',
  filter: { streamNamePrefixes: ['leadSettings-'] },
  toMessage: leadTypeMessage,
};
