import { Inject, Injectable, type Provider } from '@nestjs/common';
import {
  PORTAL_ACCESS,
  type PortalAccess,
  type PortalAccessLookup,
  PortalSessionGuard,
  remotePortalTokenVerifier,
} from '@leadrail/portal-session';
import { PartnerView } from '../partner-view/partner-view';

/**
 * The leads service's PORTAL_ACCESS: the partner's access as `partner_view`
 * last heard it from `leadrail.partners.v1`, read on every portal request, so
 * an operator's change (or a deactivation) applies to open sessions as soon
 * as the event is consumed.
 */
@Injectable()
export class PartnerViewPortalAccess implements PortalAccessLookup {
  constructor(@Inject(PartnerView) private readonly partners: PartnerView) {}

  accessOf(partnerId: string): Promise<PortalAccess | null> {
    return this.partners.portalAccess(partnerId.toLowerCase());
  }
}

/**
 * What every portal route of the leads service needs: sessions verified with
 * the partners service's public keys (PORTAL_JWKS_URL), access from the partner view.
 */
export const leadsPortalSessionProviders: Provider[] = [
  PartnerViewPortalAccess,
  { provide: PORTAL_ACCESS, useExisting: PartnerViewPortalAccess },
  remotePortalTokenVerifier,
  PortalSessionGuard,
];
