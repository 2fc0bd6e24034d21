/** The category of introducer payable streams: `payable-<introducerId>`. */
export const PAYABLE_STREAM_CATEGORY = 'payable';

/** The stream of what LeadRail owes one introducer. */
export function payableStream(introducerId: string): string {
  return `${PAYABLE_STREAM_CATEGORY}-${introducerId}`;
}
