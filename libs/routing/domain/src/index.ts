/**
 * The pure core of routing (docs/routing-domain.md): who may take a lead now
 * (`eligibility`), who is chosen (`choosePartners`), the decision that
 * explains both (`decideRouting`), and the partner allocation ledger whose
 * decider never lets a partner pass a limit or its funds. No I/O, no clock.
 */
export * from './decision/decide-routing';
export * from './decision/routing-decision';
export * from './eligibility/area-match';
export * from './eligibility/available-funds';
export * from './eligibility/criteria';
export * from './eligibility/eligibility';
export * from './eligibility/ineligible-reason';
export { RoutingError, RoutingErrorCode } from './errors/routing-error';
export { DAYS_KEPT_BEHIND_LATEST, isCalendarDay } from './ledger/counting-window';
export { decideLedger } from './ledger/decide-ledger';
export { evolveLedger } from './ledger/evolve-ledger';
export * from './ledger/ledger-aggregate';
export * from './ledger/ledger-commands';
export * from './ledger/ledger-events';
export * from './ledger/ledger-state';
export * from './ledger/ledger-stream';
export * from './model/lead-to-route';
export * from './model/money';
export * from './model/partner-funds';
export * from './model/routing-partner';
export * from './strategy/choose-partners';
export * from './strategy/routing-strategy';
export { unitHash } from './strategy/stable-hash';
