import type { LeadContactDetails } from '@leadrail/leads-domain';

/**
 * What a lead's contact reads as once its key is erased. Only the aggregate
 * sees it (a retried submission of the same lead id is then refused as other
 * details, which is right: the person asked to be forgotten).
 */
export const ERASED_CONTACT: LeadContactDetails = { firstName: '[erased]', lastName: '[erased]' };
