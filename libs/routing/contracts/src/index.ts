/**
 * Integration events the routing context publishes on `leadrail.routing.v1`
 * (`routingRegistry`, docs/contracts): each decision with every partner
 * weighed and why, and allocations given back.
 */
export * from './lead-allocation-released.v1';
export * from './lead-routed.v1';
export * from './lead-routing-abandoned.v1';
export * from './routing-event';
export * from './routing-registry';
export * from './values/ineligible-reason.v1';
export * from './values/routing-candidate.v1';
