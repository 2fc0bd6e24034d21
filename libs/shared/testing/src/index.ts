export * from './expect-eventually';
export * from './kafka-test-client';
export * from './test-database';
export * from './test-environment';
export * from './it-when';
export * from './service-http';
export * from './tcp-proxy';
export * from './fuzz/fuzz-open-api';
export type { OpenApiDocument } from './fuzz/open-api';
