import type { Provider, Type } from '@nestjs/common';
import { ReferralDeadlines } from './referral-expiry/referral-deadlines';
import { ReferralExpiryMetrics } from './referral-expiry/referral-expiry-metrics';
import { referralExpirySettingsProvider } from './referral-expiry/referral-expiry.env';
import { ReferralExpiryPoller } from './referral-expiry/referral-expiry.poller';
import { AllocateLeadController } from './referrals/allocate-lead/allocate-lead.controller';
import { AnswerReferralController } from './referrals/answer-referral/answer-referral.controller';
import { PendingReferrals } from './referrals/pending-referrals/pending-referrals';
import { PendingReferralsController } from './referrals/pending-referrals/pending-referrals.controller';
import { ManualReferrals } from './referrals/refer-lead/manual-referrals';
import { ReferLeadController } from './referrals/refer-lead/refer-lead.controller';
import { ReferralLinkAnswers } from './referrals/referral-links/referral-link-answers';
import { referralLinkSettingsProvider } from './referrals/referral-links/referral-links.env';
import { ReferralLinksController } from './referrals/referral-links/referral-links.controller';
import { RoutablePartners } from './referrals/routable-partners';
import { DecideReturnController } from './returns/decide-return.controller';
import { RequestReturnController } from './returns/request-return.controller';
import { LeadStatusChanges } from './status/lead-status-changes';
import { OperatorStatusController } from './status/operator-status.controller';
import { PortalStatusController } from './status/portal-status.controller';

/**
 * The lead's life after intake: referrals (operator, portal and the referral
 * email's links), their expiry timer, status updates and returns. Listed here
 * so the service's module adds them in one line each; the projection and
 * migration are in leads.service.ts.
 */
export const lifecycleControllers: Type<unknown>[] = [
  ReferLeadController,
  AllocateLeadController,
  PendingReferralsController,
  AnswerReferralController,
  ReferralLinksController,
  PortalStatusController,
  OperatorStatusController,
  RequestReturnController,
  DecideReturnController,
];

export const lifecycleProviders: Provider[] = [
  RoutablePartners,
  ManualReferrals,
  PendingReferrals,
  referralLinkSettingsProvider,
  ReferralLinkAnswers,
  ReferralDeadlines,
  ReferralExpiryMetrics,
  referralExpirySettingsProvider,
  ReferralExpiryPoller,
  LeadStatusChanges,
];
