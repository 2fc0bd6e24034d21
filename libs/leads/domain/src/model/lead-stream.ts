/** The category of lead streams. */
export const LEAD_STREAM_CATEGORY = 'lead';

/**
 * A lead id as the domain records it: lower case. The intake contract accepts
 * a UUID in any case, and one lead must never be split over two streams.
 */
export function canonicalLeadId(leadId: string): string {
  return leadId.toLowerCase();
}

/** The stream of one lead (`lead-<id>`, id in lower case); the one place the name is built. */
export function leadStream(leadId: string): string {
  return `${LEAD_STREAM_CATEGORY}-${canonicalLeadId(leadId)}`;
}
