import { Injectable } from '@nestjs/common';
import type {
  LeadValueSetV1,
  PartnerDeactivatedV1,
  PartnerReactivatedV1,
  PartnerRegisteredV1,
  PartnerTypeChangedV1,
  PortalAccessChangedV1,
} from '@leadrail/partners-contracts';
import type { IntegrationEventHandler } from '@leadrail/messaging';
import type { EntityManager } from 'typeorm';

type PartnerViewEvent =
  | LeadValueSetV1
  | PartnerRegisteredV1
  | PartnerTypeChangedV1
  | PortalAccessChangedV1
  | PartnerDeactivatedV1
  | PartnerReactivatedV1;

/**
 * What the leads service keeps of each partner from `leadrail.partners.v1`:
 * whether it may introduce leads (introducer role, active), and its portal
 * access (level, referral acceptance, status updates), and its lead value
 * (what the portal's reports count leads at). Applied once per event
 * through the inbox, in the partner's order (the topic is keyed by partner).
 */
@Injectable()
export class PartnerViewHandler implements IntegrationEventHandler<PartnerViewEvent> {
  readonly name = 'leads.partner-view';
  readonly eventTypes = [
    'PartnerRegistered',
    'PartnerTypeChanged',
    'PortalAccessChanged',
    'PartnerDeactivated',
    'PartnerReactivated',
    'LeadValueSet',
  ];

  async handle(event: PartnerViewEvent, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'PartnerRegistered': {
        const { partnerId, settings } = event.data;
        const access = settings.portalAccess;
        await manager.query(
          `INSERT INTO partner_view (partner_id, is_introducer, is_partner, active, portal_level,
             require_referral_acceptance, may_update_lead_status, lead_value_amount, lead_value_currency)
           VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8)
           ON CONFLICT (partner_id) DO NOTHING`,
          [
            partnerId,
            settings.partnerType.introducer,
            settings.partnerType.partner,
            access.level,
            access.requireReferralAcceptance,
            access.mayUpdateLeadStatus,
            settings.partnerType.leadValue?.amount ?? null,
            settings.partnerType.leadValue?.currency ?? null,
          ],
        );
        return;
      }
      case 'PartnerTypeChanged': {
        const type = event.data.partnerType;
        await manager.query(
          `UPDATE partner_view SET is_introducer = $2, is_partner = $3, lead_value_amount = $4,
             lead_value_currency = $5 WHERE partner_id = $1`,
          [
            event.data.partnerId,
            type.introducer,
            type.partner,
            type.leadValue?.amount ?? null,
            type.leadValue?.currency ?? null,
          ],
        );
        return;
      }
      case 'LeadValueSet':
        await manager.query(
          'UPDATE partner_view SET lead_value_amount = $2, lead_value_currency = $3 WHERE partner_id = $1',
          [event.data.partnerId, event.data.leadValue.amount, event.data.leadValue.currency],
        );
        return;
      case 'PortalAccessChanged': {
        const access = event.data.portalAccess;
        await manager.query(
          `UPDATE partner_view SET portal_level = $2, require_referral_acceptance = $3,
             may_update_lead_status = $4 WHERE partner_id = $1`,
          [
            event.data.partnerId,
            access.level,
            access.requireReferralAcceptance,
            access.mayUpdateLeadStatus,
          ],
        );
        return;
      }
      case 'PartnerDeactivated':
      case 'PartnerReactivated':
        await manager.query('UPDATE partner_view SET active = $2 WHERE partner_id = $1', [
          event.data.partnerId,
          event.type === 'PartnerReactivated',
        ]);
        return;
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  }
}
