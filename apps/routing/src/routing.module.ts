import { Module } from '@nestjs/common';
import { FundsView } from './funds/funds-view';
import { LeadRouter } from './lead-routing/lead-router';
import { Rotations } from './lead-routing/rotations';
import { PartnerLedgers } from './ledger/partner-ledgers';
import { RoutingPartners } from './partner-view/routing-partners';
import { PartnerCountsController } from './queries/partner-counts/partner-counts.controller';
import { PartnerCountsQuery } from './queries/partner-counts/partner-counts';
import { RoutingHistoryController } from './queries/routing-history/routing-history.controller';
import { RoutingHistoryQuery } from './queries/routing-history/routing-history';

/** The routing service's use cases: routing leads, and the why and counts queries. */
@Module({
  controllers: [RoutingHistoryController, PartnerCountsController],
  providers: [
    RoutingPartners,
    FundsView,
    PartnerLedgers,
    Rotations,
    LeadRouter,
    RoutingHistoryQuery,
    PartnerCountsQuery,
  ],
  // The integration-event handlers live in the service's root module and use these.
  exports: [LeadRouter],
})
export class RoutingModule {}
