import type { RecordedEvent } from '@leadrail/event-store';
import { LEADS_SOURCE } from '@leadrail/leads-contracts';
import { LEAD_STREAM_CATEGORY } from '@leadrail/leads-domain';
import { integrationMessage, type OutboundMessage, type RelayRoute } from '@leadrail/messaging';
import { Topics } from '@leadrail/topics';
import type { StoredLeadReceivedData } from '../personal-data/sealed-personal-data';
import { leadRecordedData } from './lead-recorded';

/**
 * The recorded event as it is published. A stored `LeadReceived` becomes
 * `LeadRecorded`: `LeadReceived` v1 already names the intake contract, and one
 * type name must mean one payload. Every other event keeps its name and data
 * (published-data.check.ts proves at compile time that each fits its contract).
 */
function publishedForm(event: RecordedEvent): RecordedEvent {
  if (event.type !== 'LeadReceived') {
    return event;
  }
  return {
    ...event,
    type: 'LeadRecorded',
    data: leadRecordedData(event.data as StoredLeadReceivedData),
  };
}

/** The integration message of a recorded lead event on `leadrail.leads.v1`, keyed by the lead's id. */
export function leadMessage(event: RecordedEvent): OutboundMessage {
  return integrationMessage(publishedForm(event), { topic: Topics.leads, source: LEADS_SOURCE });
}

/**
 * The leads service's relay: every event of every lead stream (`lead-<id>`),
 * published on `leadrail.leads.v1`. Like the partners relay, it publishes each
 * event it reads; an event type without a contract would still go out under
 * its name, and consumers of this internal topic skip types they do not know,
 * but published-data.check.ts makes such a type fail to compile first.
 *
 * The prefix is `lead-`, dash included: de-duplication claims live in
 * `leadKey-…` streams (category `leadKey`), which it does not match, and the
 * settings in `leadSettings-…`.
 */
export const leadsRelay: RelayRoute = {
  name: 'leads',
  filter: { streamNamePrefixes: [`${LEAD_STREAM_CATEGORY}-`] },
  toMessage: leadMessage,
};
