export * from './describe-service-boot';
export * from './expect-eventually';
export * from './kafka-test-client';
export * from './service-under-test';
export * from './test-database';
export * from './test-environment';
export * from './it-when';
export * from './service-http';
