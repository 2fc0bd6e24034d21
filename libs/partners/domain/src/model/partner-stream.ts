/** The category of partner streams. */
export const PARTNER_STREAM_CATEGORY = 'partner';

/** The stream of one partner (`partner-<id>`); the one place the name is built. */
export function partnerStream(partnerId: string): string {
  return `${PARTNER_STREAM_CATEGORY}-${partnerId}`;
}
