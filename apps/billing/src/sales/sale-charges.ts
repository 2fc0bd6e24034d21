import { Inject, Injectable, Logger } from '@nestjs/common';
import { BILLING_SYSTEM } from '../accounts/billing-cause';
import { PartnerAccounts } from '../accounts/partner-accounts';
import type { BillingPartnerRecord } from '../partner-view/billing-partner-record';
import { type Sale, isChargeable } from './billing-sales';

/** Charges a sale that is due: once per lead and partner, however often asked. */
@Injectable()
export class SaleCharges {
  private readonly logger = new Logger(SaleCharges.name);

  constructor(@Inject(PartnerAccounts) private readonly accounts: PartnerAccounts) {}

  async chargeIfDue(
    sale: Sale,
    partner: BillingPartnerRecord,
    cause: { eventId: string; correlationId: string },
  ): Promise<void> {
    if (!isChargeable(sale)) {
      return;
    }
    const { events } = await this.accounts.charge(
      partner,
      { leadId: sale.leadId, amount: sale.leadValue, billingPoint: sale.billingPoint },
      {
        eventId: cause.eventId,
        correlationId: sale.correlationId ?? cause.correlationId,
        actor: BILLING_SYSTEM,
      },
    );
    if (events.length > 0) {
      this.logger.log(
        `charged partner ${partner.partnerId} ${sale.leadValue.amount} ${sale.leadValue.currency} for lead ${sale.leadId} at ${sale.billingPoint}`,
      );
    }
  }
}
