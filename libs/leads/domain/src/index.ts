/**
 * The lead aggregate (docs/leads-domain.md): a lead's life from intake to
 * return as pure decide/evolve, and the normalised keys de-duplication
 * matches leads on. Imports nothing from the platform.
 */
export * from './commands/lead-commands';
export { decideLead } from './decide/decide-lead';
export { returnWindowEndsAt } from './decide/decide-return';
export * from './dedup/duplicate-rule';
export * from './dedup/duplicate-window';
export * from './dedup/match-keys';
export { normaliseEmail } from './dedup/normalise-email';
export * from './dedup/normalise-phone';
export { normalisePostcode } from './dedup/normalise-postcode';
export { foldText } from './dedup/normalise-text';
export { LeadError, LeadErrorCode, leadNotFound } from './errors/lead-error';
export * from './events/lead-events';
export { evolveLead } from './evolve/evolve-lead';
export { leadAggregate, type LeadAggregate } from './lead-aggregate';
export * from './model/billing-points';
export * from './model/command-metadata';
export * from './model/lead-details';
export * from './model/lead-outcomes';
export * from './model/lead-state';
export * from './model/lead-stream';
export { leadProblems } from './validation/lead-problems';
export * from './dedup/key-claims';
export * from './intake/intake-checks';
export * from './settings/decide-lead-settings';
export * from './settings/effective-rules';
export * from './settings/evolve-lead-settings';
export * from './settings/lead-settings-aggregate';
export * from './settings/lead-settings-model';
export * from './introducer-keys';
export { toLeadDetails } from './validation/lead-details';
export { isUnchanged } from './rules/unchanged';
