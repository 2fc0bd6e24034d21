/**
 * Kafka topics of LeadRail's integration events: one per producing context and
 * contract version (`leadrail.<context>.v<N>`), keyed by aggregate id so that one
 * aggregate's events stay in order. See docs/events.md.
 */
export const Topics = {
  /** Partner settings and lifecycle, from the partners service. */
  partners: 'leadrail.partners.v1',
  /** LeadReceived from internal publishers outside LeadRail: a public contract. */
  leadIntake: 'leadrail.leads.intake.v1',
  /** A lead's lifecycle and status, from the leads service. */
  leads: 'leadrail.leads.v1',
  /** Allocation decisions, from the routing service. */
  routing: 'leadrail.routing.v1',
  /** Delivery attempts and outcomes, from the delivery service. */
  delivery: 'leadrail.delivery.v1',
  /** Charges, credits, balances and low-funds, from the billing service. */
  billing: 'leadrail.billing.v1',
  /** Alerts sent and their cost, from the notifications service. */
  notifications: 'leadrail.notifications.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/**
 * Topic settings LeadRail needs at creation, beyond the cluster's defaults.
 * `leadrail.partners.v1` is kept forever: partner settings are state, and a
 * service deployed later (or a new projection) rebuilds its view of every
 * partner from the topic's first event; with the usual 7-day retention,
 * partners registered earlier would be unknown to it.
 */
export const TopicConfig: Readonly<Partial<Record<Topic, Readonly<Record<string, string>>>>> = {
  [Topics.partners]: { 'retention.ms': '-1' },
};
