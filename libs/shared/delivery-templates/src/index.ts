export * from './check/check-template';
export { SOAP_ENVELOPE_NAMESPACES } from './check/soap-envelope';
export * from './delivery-method';
export * from './errors';
export * from './headers/check-headers';
export * from './headers/header-problem';
export * from './headers/protocol-headers';
export * from './headers/render-headers';
export { TemplateProblemCode, type TemplateProblem } from './problems';
export { renderTemplate } from './render/render-template';
export { MAX_TEMPLATE_LENGTH } from './syntax/analyse-template';
export * from './values/clock-values';
export * from './values/money-values';
export * from './values/template-value';
export * from './values/template-values';
export {
  ANSWER_PREFIX,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
  findTemplateVariable,
} from './variables/template-variables';
