/** Who issues a command about a lead. */
export type LeadActorType = 'operator' | 'partner' | 'introducer' | 'system';

/**
 * The person or process behind a command. For a partner, `id` is its partner
 * id; for an introducer, its introducer id; for the system, the process name.
 */
export interface LeadActor {
  type: LeadActorType;
  id: string;
}

/**
 * What every lead command carries besides its data. The domain never reads a
 * clock: time and actor come in here, so every decision can be replayed.
 */
export interface LeadCommandMetadata {
  actor: LeadActor;
  /**
   * When the command was issued: ISO 8601 in UTC with `Z`. Leads compare
   * instants (referral expiry, return windows), and the intake contract keeps
   * every lead timestamp in UTC, so one spelling keeps comparisons exact.
   */
  occurredAt: string;
  /** Why, where the actor gave a reason. */
  reason?: string;
}
