/**
 * The category of partner allocation ledgers. Camel case, no dash: a stream's
 * category is the text before its first dash, and partner ids may hold dashes.
 */
export const PARTNER_ALLOCATIONS_CATEGORY = 'partnerAllocations';

/** The ledger stream of one partner (`partnerAllocations-<id>`); the one place the name is built. */
export function partnerAllocationsStream(partnerId: string): string {
  return `${PARTNER_ALLOCATIONS_CATEGORY}-${partnerId}`;
}
