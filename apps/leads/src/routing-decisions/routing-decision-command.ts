const MINUTE_MS = 60_000;

/** What the leads service does with a partner routing chose. */
export type RoutingDecisionCommand =
  | { type: 'ReferLead'; data: { partnerId: string; expiresAt: string } }
  | { type: 'AllocateLead'; data: { partnerId: string } };

/**
 * A partner that must accept referrals first is referred the lead until
 * `referralTimeoutMinutes` after `now`; any other partner is allocated it.
 * A partner the leads service has not heard of yet is allocated (routing only
 * chooses partners it knows; the portal settings arrive on the same topic).
 */
export function routingDecisionCommand(input: {
  partnerId: string;
  requireReferralAcceptance: boolean;
  referralTimeoutMinutes: number;
  now: Date;
}): RoutingDecisionCommand {
  const { partnerId, now } = input;
  if (!input.requireReferralAcceptance) {
    return { type: 'AllocateLead', data: { partnerId } };
  }
  const expiresAt = new Date(now.getTime() + input.referralTimeoutMinutes * MINUTE_MS);
  return { type: 'ReferLead', data: { partnerId, expiresAt: expiresAt.toISOString() } };
}
