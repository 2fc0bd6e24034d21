/**
 * The referral email (docs/delivery-service.md, "The referral email"): the
 * redacted lead offered to a partner that must accept it first, with its
 * Accept and Decline links; LeadRail's own MJML, compiled once by the service
 * and filled per referral.
 */
export * from './referral-email-id';
export * from './referral-email-mjml';
export * from './render-referral-email';
