import type { LeadReceivedV1Data } from '@leadrail/leads-contracts';

/**
 * A lead as an introducer or internal publisher submits it: exactly the data
 * of the `LeadReceived` v1 contract, so the Kafka intake passes a parsed
 * event's data through and the HTTP intake builds the same shape.
 */
export type LeadSubmission = Pick<LeadReceivedV1Data, keyof LeadReceivedV1Data>;

/** The lead as recorded: the submission without its id (the stream names it), copied field by field. */
export type LeadDetails = Omit<LeadSubmission, 'leadId'>;

/** The person a lead is about, as recorded. */
export type LeadContactDetails = LeadDetails['contact'];

/** How the lead reached LeadRail. */
export type LeadSource =
  | { channel: 'http' }
  | {
      channel: 'internal';
      /** The publishing service, the envelope's `source` (`acme.crm`). */
      publisher: string;
    };
