export * from './describe-service-boot';
export * from './service-under-test';
export * from './test-portal-issuer';
