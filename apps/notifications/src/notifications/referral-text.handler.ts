import { Inject, Injectable } from '@nestjs/common';
import type { LeadReferredV1 } from '@leadrail/leads-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';
import { NotificationPartners } from '../partner-view/notification-partners';
import { TextAlerts } from './text-alerts';

/**
 * A lead referred to a partner whose "on referral" text alert is on: a
 * text saying what is offered (type and area, never the contact) and until
 * when. The referral email with its Accept and Decline links is delivery's.
 */
@Injectable()
export class ReferralText implements IntegrationEventHandler<LeadReferredV1> {
  readonly name = 'notifications.referral-text';
  readonly eventTypes = ['LeadReferred'];

  constructor(
    @Inject(NotificationPartners) private readonly partners: NotificationPartners,
    @Inject(TextAlerts) private readonly texts: TextAlerts,
  ) {}

  async handle(event: LeadReferredV1, manager: EntityManager): Promise<void> {
    const { leadId, partnerId, expiresAt } = event.data;
    const partner = await this.partners.find(manager, partnerId);
    if (partner === null || !partner.textAlerts.onReferral) {
      return;
    }
    const rows = await manager.query<{ lead_type: string; area: string | null }[]>(
      'SELECT lead_type, area FROM notification_leads WHERE lead_id = $1',
      [leadId],
    );
    const lead = rows[0];
    await this.texts.alert(
      partner,
      'referral',
      {
        leadType: lead?.lead_type ?? 'new',
        area: lead?.area ?? 'your area',
        expiresAt: `${expiresAt.slice(0, 16).replace('T', ' ')} UTC`,
      },
      event,
      manager,
    );
  }
}
