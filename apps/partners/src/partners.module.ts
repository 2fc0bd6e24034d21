import { Module } from '@nestjs/common';
import { DeliveryUrlCheck } from './http/delivery-url-check';
import { PartnerCommercialSettingsController } from './http/partner-commercial-settings.controller';
import { PartnerDeliverySettingsController } from './http/partner-delivery-settings.controller';
import { PartnersController } from './http/partners.controller';
import { PartnerCommands } from './partner/partner-commands';
import { PartnerDirectory } from './read-model/partner-directory';
import { PartnerHistory } from './read-model/partner-history';
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
  providers: [
    PartnerCommands,
    PartnerDirectory,
    PartnerHistory,
    PortalCredentials,
    PortalAuthGuard,
    DeliveryUrlCheck,
  ],
})
export class PartnersModule {}
