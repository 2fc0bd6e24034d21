import { Module } from '@nestjs/common';
import { DeliveryUrlCheck } from './http/delivery-url-check';
import { PartnerBuyingController } from './http/partner-buying.controller';
import { PartnerCommercialSettingsController } from './http/partner-commercial-settings.controller';
import { PartnerDeliverySettingsController } from './http/partner-delivery-settings.controller';
import { PartnersController } from './http/partners.controller';
import { KnownLeadTypes } from './lead-types/known-lead-types';
import { PartnerCommands } from './partner/partner-commands';
import { PartnerDirectory } from './read-model/partner-directory';
import { PartnerHistory } from './read-model/partner-history';
import { AcceptInvitationController } from './portal/accept-invitation.controller';
import { PartnerPortalController } from './portal/partner-portal.controller';
import { JwksController } from './portal/jwks/jwks.controller';
import { PortalCredentials } from './portal/portal-credentials';
import { PortalLoginController } from './portal/portal-login.controller';
import { portalSessionProviders } from './portal/session/portal-session.providers';
import { SignInController } from './portal/sign-in/sign-in.controller';
import { SignOutController } from './portal/sign-out/sign-out.controller';

/** The partners service's use cases: the admin API over the partner aggregate. */
@Module({
  controllers: [
    PartnersController,
    PartnerCommercialSettingsController,
    PartnerDeliverySettingsController,
    PartnerBuyingController,
    PortalLoginController,
    PartnerPortalController,
    AcceptInvitationController,
    SignInController,
    SignOutController,
    JwksController,
  ],
  providers: [
    PartnerCommands,
    PartnerDirectory,
    PartnerHistory,
    PortalCredentials,
    DeliveryUrlCheck,
    KnownLeadTypes,
    ...portalSessionProviders,
  ],
})
export class PartnersModule {}
