import { Inject, Injectable } from '@nestjs/common';
import type { PortalAccess, PortalAccessLookup } from '@leadrail/portal-session';
import { PartnerDirectory } from '../../read-model/partner-directory';

/**
 * The partners service's PORTAL_ACCESS: each portal request reads the
 * partner's access from the partner directory, so a level the operator just
 * changed (or a deactivation) applies to sessions already open, as soon as
 * the directory has folded the change.
 */
@Injectable()
export class PartnerDirectoryAccess implements PortalAccessLookup {
  constructor(@Inject(PartnerDirectory) private readonly directory: PartnerDirectory) {}

  async accessOf(partnerId: string): Promise<PortalAccess | null> {
    const partner = await this.directory.portalAccessOf(partnerId);
    if (!partner) {
      return null;
    }
    const { level, requireReferralAcceptance, mayUpdateLeadStatus } = partner.portalAccess;
    return {
      level,
      requireReferralAcceptance,
      mayUpdateLeadStatus,
      active: partner.status === 'active',
    };
  }
}
