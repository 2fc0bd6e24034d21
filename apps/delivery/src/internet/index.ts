export * from './internet-answer';
export * from './internet-request';
export * from './internet-sender';
export * from './internet.module';
export { isSecretName, maskHeaders, maskUrl, maskValue } from './masking';
