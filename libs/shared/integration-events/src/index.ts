/**
 * Integration-event contracts: the envelope every event travels in, the
 * definitions and registries of versioned events, strict parsing with
 * field-level problems, and JSON Schema / AsyncAPI generated from the same
 * class-validator classes. No framework, transport or storage here.
 */
export * from './definition';
export * from './envelope';
export * from './json';
export * from './money';
export * from './new-integration-event';
export * from './parse-integration-event';
export { summariseProblems } from './problems';
export type { IntegrationEventProblem } from './problems';
export * from './registry';
export * from './rules/codes';
export * from './rules/json-schema-described';
export { NestedObject } from './rules/nested-object';
export * from './rules/nullable';
export type { ContractClass } from './rules/nested-object';
export * from './rules/optional';
export * from './rules/text';
export * from './rules/text-length';
export * from './rules/utc-timestamp';
export * from './schema/asyncapi';
export * from './schema/event-schema';
export * from './define-topic-events';
