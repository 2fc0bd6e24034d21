import { Module } from '@nestjs/common';
import { PORTAL_ACCESS } from '@leadrail/portal-session';
import { AccountPayments } from './accounts/account-payments';
import { PartnerAccounts } from './accounts/partner-accounts';
import { MoneyMovesController } from './commands/money/money-moves.controller';
import { ReversalController } from './commands/reversal/reversal.controller';
import { IntroducerPayables } from './payables/introducer-payables';
import { PayablesForLeads } from './payables/payables-for-leads';
import { BillingPartners } from './partner-view/billing-partners';
import { BillingPortalAccess } from './partner-view/billing-portal-access';
import { PAYMENT_RECORDER } from './paypal/payment-recorder';
import { PaypalModule } from './paypal/paypal.module';
import { AccountController } from './queries/account/account.controller';
import { AccountQuery } from './queries/account/account.query';
import { ReportsController } from './queries/reports/reports.controller';
import { ReportsQuery } from './queries/reports/reports.query';
import { StatementController } from './queries/statement/statement.controller';
import { StatementQuery } from './queries/statement/statement.query';
import { Reversals } from './reversals/reversals';
import { BillingSales } from './sales/billing-sales';
import { SaleCharges } from './sales/sale-charges';

/** The pieces of billing the HTTP API and the event handlers share. */
@Module({
  providers: [
    BillingPartners,
    BillingSales,
    PartnerAccounts,
    IntroducerPayables,
    PayablesForLeads,
    SaleCharges,
    Reversals,
    AccountPayments,
    { provide: PAYMENT_RECORDER, useExisting: AccountPayments },
  ],
  exports: [
    BillingPartners,
    BillingSales,
    PartnerAccounts,
    IntroducerPayables,
    PayablesForLeads,
    SaleCharges,
    Reversals,
    PAYMENT_RECORDER,
  ],
})
export class BillingCoreModule {}

/** The billing service's use cases: accounts, statements, reports, money moves, reversals, PayPal top-ups. */
@Module({
  imports: [
    BillingCoreModule,
    PaypalModule.register({
      imports: [BillingCoreModule],
      providers: [
        BillingPortalAccess,
        { provide: PORTAL_ACCESS, useExisting: BillingPortalAccess },
      ],
    }),
  ],
  controllers: [
    AccountController,
    StatementController,
    ReportsController,
    MoneyMovesController,
    ReversalController,
  ],
  providers: [AccountQuery, StatementQuery, ReportsQuery],
  exports: [BillingCoreModule],
})
export class BillingModule {}
