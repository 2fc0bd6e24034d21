import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import { BILLING_SYSTEM } from '../accounts/billing-cause';
import { PayablesForLeads } from '../payables/payables-for-leads';
import { priceWaitingSales } from '../sales/billing-sales';
import { SaleCharges } from '../sales/sale-charges';
import { PartnerAccounts } from '../accounts/partner-accounts';
import {
  BILLING_PARTNER_EVENT_TYPES,
  type BillingPartnerEvent,
  type BillingPartnerRecord,
  applyBillingPartnerEvent,
} from './billing-partner-record';
import { BillingPartners } from './billing-partners';
import { lockPartner } from './partner-lock';

/**
 * Billing's view of partners (`billing_partners`) from `leadrail.partners.v1`:
 * payment mode, credit limit, low-funds threshold, billing point and Lead
 * Cost. A new threshold or payment mode may put the funds on the other side
 * of the threshold without any money moving: the account is asked to look.
 */
@Injectable()
export class BillingPartnersHandler implements IntegrationEventHandler<BillingPartnerEvent> {
  readonly name = 'billing.partners';
  readonly eventTypes = BILLING_PARTNER_EVENT_TYPES;

  constructor(
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(PartnerAccounts) private readonly accounts: PartnerAccounts,
    @Inject(SaleCharges) private readonly charges: SaleCharges,
    @Inject(PayablesForLeads) private readonly payables: PayablesForLeads,
  ) {}

  async handle(event: BillingPartnerEvent, manager: EntityManager): Promise<void> {
    await lockPartner(manager, event.data.partnerId);
    const current = await this.partners.find(manager, event.data.partnerId, true);
    const next = applyBillingPartnerEvent(current, event);
    if (next === null) {
      return;
    }
    await this.partners.save(manager, next);
    if (current === null) {
      await this.settleWaiting(next, event, manager);
    }
    if (event.type === 'PaymentModeChanged' || event.type === 'LowFundsThresholdChanged') {
      await this.accounts.reviewFundsAlert(next, {
        eventId: event.eventId,
        correlationId: event.correlationId,
        actor: BILLING_SYSTEM,
      });
    }
  }

  /**
   * What waited for this partner to be known: sales routed to it (priced
   * with its billing point now, charged if due) and, for an introducer, what
   * it is owed for leads recorded before its registration arrived.
   */
  private async settleWaiting(
    partner: BillingPartnerRecord,
    event: BillingPartnerEvent,
    manager: EntityManager,
  ): Promise<void> {
    for (const sale of await priceWaitingSales(manager, partner.partnerId, partner.billingPoint)) {
      await this.charges.chargeIfDue(sale, partner, event);
    }
    await this.payables.settleWaiting(manager, partner, event);
  }
}
