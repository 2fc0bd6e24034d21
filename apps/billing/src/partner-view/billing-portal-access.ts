import { Inject, Injectable } from '@nestjs/common';
import { type PortalAccess, type PortalAccessLookup } from '@leadrail/portal-session';
import { DataSource } from 'typeorm';
import { BillingPartners } from './billing-partners';

/**
 * Billing's PORTAL_ACCESS: the partner's access as `billing_partners` last
 * heard it, read on every portal request, so an operator's change or a
 * deactivation applies to open sessions as soon as the event is consumed.
 */
@Injectable()
export class BillingPortalAccess implements PortalAccessLookup {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(BillingPartners) private readonly partners: BillingPartners,
  ) {}

  async accessOf(partnerId: string): Promise<PortalAccess | null> {
    const partner = await this.partners.find(this.dataSource.manager, partnerId.toLowerCase());
    return partner?.portalAccess ?? null;
  }
}
