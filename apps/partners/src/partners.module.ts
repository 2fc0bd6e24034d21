import { Module } from '@nestjs/common';
import { PartnerCommandHandler } from './commands/partner-command-handler';
import { DeliveryUrlCheck } from './http/delivery-url-check';
import { PartnerCommercialSettingsController } from './http/partner-commercial-settings.controller';
import { PartnerDeliverySettingsController } from './http/partner-delivery-settings.controller';
import { PartnersController } from './http/partners.controller';
import { AcceptInvitationController } from './portal/accept-invitation.controller';
import { PartnerPortalController } from './portal/partner-portal.controller';
import { PortalAuthGuard } from './portal/portal-auth.guard';
import { PortalCredentials } from './portal/portal-credentials';
import { PortalLoginController } from './portal/portal-login.controller';

/** The partners service's use cases: the admin API over the partner aggregate. */
@Module({
  controllers: [
    PartnersController,
    PartnerCommercialSettingsController,
    PartnerDeliverySettingsController,
    PortalLoginController,
    PartnerPortalController,
    AcceptInvitationController,
  ],
  providers: [PartnerCommandHandler, PortalCredentials, PortalAuthGuard, DeliveryUrlCheck],
})
export class PartnersModule {}
