/** Lead bodies as introducers post them: JSON, XML or form data, into one candidate shape. */
export * from './lead-body';
export { ACCEPTED_MEDIA_TYPES, type LeadBodyFormat } from './media-type';
export { parseLeadBody } from './parse-lead-body';
