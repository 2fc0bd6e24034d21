import { Inject, Injectable } from '@nestjs/common';
import type { PartnerFundsLowV1 } from '@leadrail/billing-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import { NotificationPartners } from '../partner-view/notification-partners';
import { TextAlerts } from './text-alerts';

/** Money as a person reads it, in its currency's own minor units: "£12.50". */
export function moneyText(money: { amount: number; currency: string }): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/**
 * Billing's low-funds alert (once per crossing) to a partner whose "on low
 * funds" text alert is on: a text with the funds and the threshold.
 */
@Injectable()
export class LowFundsText implements IntegrationEventHandler<PartnerFundsLowV1> {
  readonly name = 'notifications.low-funds-text';
  readonly eventTypes = ['PartnerFundsLow'];

  constructor(
    @Inject(NotificationPartners) private readonly partners: NotificationPartners,
    @Inject(TextAlerts) private readonly texts: TextAlerts,
  ) {}

  async handle(event: PartnerFundsLowV1, manager: EntityManager): Promise<void> {
    const partner = await this.partners.find(manager, event.data.partnerId);
    if (partner === null || !partner.textAlerts.onLowFunds) {
      return;
    }
    await this.texts.alert(
      partner,
      'low-funds',
      { available: moneyText(event.data.available), threshold: moneyText(event.data.threshold) },
      event,
      manager,
    );
  }
}
