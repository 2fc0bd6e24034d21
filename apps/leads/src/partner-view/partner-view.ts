import { Inject, Injectable } from '@nestjs/common';
import type { IntroducerStanding } from '@leadrail/leads-domain';
import { DataSource } from 'typeorm';

/** A partner's portal access as the leads service last heard it. */
export interface PartnerPortalView {
  level: 'none' | 'leads-and-reports' | 'leads-only' | 'everything-except-leads';
  requireReferralAcceptance: boolean;
  mayUpdateLeadStatus: boolean;
  active: boolean;
}

interface PartnerViewRow {
  is_introducer: boolean;
  is_partner: boolean;
  active: boolean;
  portal_level: PartnerPortalView['level'];
  require_referral_acceptance: boolean;
  may_update_lead_status: boolean;
  lead_value_amount: string | null;
  lead_value_currency: string | null;
}

/** Reads of the partner view (table `partner_view`, kept by PartnerViewHandler). */
@Injectable()
export class PartnerView {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private async row(partnerId: string): Promise<PartnerViewRow | undefined> {
    const rows = await this.dataSource.query<PartnerViewRow[]>(
      'SELECT * FROM partner_view WHERE partner_id = $1',
      [partnerId],
    );
    return rows[0];
  }

  /** The introducer's standing, or null when the partners service never announced it. */
  async introducer(introducerId: string): Promise<IntroducerStanding | null> {
    const row = await this.row(introducerId.toLowerCase());
    if (row === undefined) {
      return null;
    }
    const type = row.is_introducer ? (row.is_partner ? 'both' : 'introducer') : 'partner';
    return { active: row.active, type };
  }

  /** The partner's portal access now, or null when unknown. */
  async portalAccess(partnerId: string): Promise<PartnerPortalView | null> {
    const row = await this.row(partnerId);
    return row === undefined
      ? null
      : {
          level: row.portal_level,
          requireReferralAcceptance: row.require_referral_acceptance,
          mayUpdateLeadStatus: row.may_update_lead_status,
          active: row.active,
        };
  }

  /** What the partner pays per lead now (minor units), or null when it is no partner or unknown. */
  async leadValue(partnerId: string): Promise<{ amount: number; currency: string } | null> {
    const row = await this.row(partnerId);
    return row === undefined || row.lead_value_amount === null || row.lead_value_currency === null
      ? null
      : { amount: Number(row.lead_value_amount), currency: row.lead_value_currency };
  }
}
