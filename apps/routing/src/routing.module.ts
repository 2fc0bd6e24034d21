import { Module } from '@nestjs/common';
import { FundsView } from './funds/funds-view';
import { LeadRouter } from './lead-routing/lead-router';
import { LeadTypeStrategies } from './lead-types/lead-type-strategies';
import { Rotations } from './lead-routing/rotations';
import { PartnerLedgers } from './ledger/partner-ledgers';
import { RoutingPartners } from './partner-view/routing-partners';
import { PartnerCountsController } from './queries/partner-counts/partner-counts.controller';
import { PartnerCountsQuery } from './queries/partner-counts/partner-counts';
import { PartnerFundsController } from './queries/partner-funds/partner-funds.controller';
import { PartnerFundsQuery } from './queries/partner-funds/partner-funds';
import { RoutingHistoryController } from './queries/routing-history/routing-history.controller';
import { RoutingHistoryQuery } from './queries/routing-history/routing-history';
import { routingRetrySettingsProvider } from './retry/routing-retry.env';
import { UnroutableLeads } from './retry/unroutable-leads';
import { UnroutableRetry } from './retry/unroutable-retry';
import { UnroutableRetryPoller } from './retry/unroutable-retry.poller';

/** The routing service's use cases: routing leads, and the why and counts queries. */
@Module({
  controllers: [RoutingHistoryController, PartnerCountsController, PartnerFundsController],
  providers: [
    RoutingPartners,
    FundsView,
    PartnerLedgers,
    Rotations,
    LeadTypeStrategies,
    LeadRouter,
    RoutingHistoryQuery,
    PartnerCountsQuery,
    PartnerFundsQuery,
    routingRetrySettingsProvider,
    UnroutableLeads,
    UnroutableRetry,
    UnroutableRetryPoller,
  ],
  // The integration-event handlers live in the service's root module and use these.
  exports: [LeadRouter, PartnerLedgers, UnroutableLeads],
})
export class RoutingModule {}
