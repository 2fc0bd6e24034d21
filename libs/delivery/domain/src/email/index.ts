/**
 * The operators' email template (Settings > Configuration > Email) as an
 * event-sourced setting, its checks, and the pure half of rendering: the
 * body prepared for MJML and filled per lead, the subject and the text part.
 */
export * from './check-email-template';
export * from './default-email-template';
export { addressLines, answerEntries, answerLabel } from './email-blocks';
export { encodeUrlValue, escapeHtml } from './email-escaping';
export * from './email-template-aggregate';
export * from './email-template-error';
export * from './email-template-model';
export * from './email-variables';
export type { SlotContext, UrlScheme } from './mjml-contexts';
export * from './render-email-template';
export * from './render-email-text';
export * from './sample-email-input';
