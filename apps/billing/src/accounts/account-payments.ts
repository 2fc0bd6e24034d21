import { Inject, Injectable } from '@nestjs/common';
import { termsCurrency } from '@leadrail/billing-domain';
import { DataSource } from 'typeorm';
import type { PaymentRecorder, PaymentToRecord } from '../paypal/payment-recorder';
import { BillingPartners } from '../partner-view/billing-partners';
import { PartnerAccounts } from './partner-accounts';

/**
 * Payments from outside (PayPal captures) into partners' accounts. The
 * capture id is the payment's reference, which its event id derives from:
 * the capture response and the webhook for the same capture credit once.
 */
@Injectable()
export class AccountPayments implements PaymentRecorder {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
    @Inject(PartnerAccounts) private readonly accounts: PartnerAccounts,
  ) {}

  async accountCurrency(partnerId: string): Promise<string | null> {
    const partner = await this.partners.find(this.dataSource.manager, partnerId);
    if (partner === null) {
      return null;
    }
    const state = await this.accounts.state(partnerId);
    return state.currency ?? termsCurrency(partner.terms);
  }

  async recordPayment(payment: PaymentToRecord): Promise<{ credited: boolean }> {
    const partner = await this.partners.find(this.dataSource.manager, payment.partnerId);
    if (partner === null) {
      throw new Error(`partner ${payment.partnerId} is unknown to billing`);
    }
    const { events } = await this.accounts.credit(
      partner,
      {
        kind: 'payment',
        amount: payment.amount,
        reference: payment.reference,
        reason: null,
        actor: payment.actor,
      },
      { eventId: payment.causeId, correlationId: payment.causeId, actor: payment.actor },
    );
    return { credited: events.length > 0 };
  }
}
