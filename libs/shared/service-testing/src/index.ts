export * from './describe-service-boot';
export * from './service-under-test';
