/** Introducer API keys: issued and revoked by operators, stored only as SHA-256 digests of their secrets. */
export * from './api-key-format';
export { decideIntroducerKeys } from './decide-introducer-keys';
export { evolveIntroducerKeys } from './evolve-introducer-keys';
export * from './introducer-keys-aggregate';
export * from './introducer-keys-commands';
export * from './introducer-keys-error';
export * from './introducer-keys-events';
export * from './introducer-keys-state';
export * from './introducer-keys-stream';
