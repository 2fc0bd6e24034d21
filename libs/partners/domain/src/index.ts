/**
 * The partner aggregate (ARCHITECTURE.md, "partners"): every setting of
 * spec/partner-settings.md as pure decide/evolve, plus the schedule and limit
 * rules routing and the admin UI share. Imports nothing from the platform.
 */
export * from './commands/partner-command-inputs';
export * from './commands/partner-commands';
export { decidePartner } from './decide/decide-partner';
export { PartnerError, PartnerErrorCode, type PartnerFieldProblem } from './errors/partner-error';
export * from './events/partner-events';
export { evolvePartner } from './evolve/evolve-partner';
export * from './model/command-metadata';
export * from './model/delivery-settings';
export * from './model/lead-buying';
export * from './model/money';
export * from './model/partner-settings';
export * from './model/partner-state';
export * from './model/partner-stream';
export { partnerAggregate, type PartnerAggregate } from './partner-aggregate';
export * from './schedule/delivery-limit-warnings';
