import { Module } from '@nestjs/common';
import { PartnerCommandHandler } from './commands/partner-command-handler';
import { PartnerCommercialSettingsController } from './http/partner-commercial-settings.controller';
import { PartnerDeliverySettingsController } from './http/partner-delivery-settings.controller';
import { PartnersController } from './http/partners.controller';

/** The partners service's use cases: the admin API over the partner aggregate. */
@Module({
  controllers: [
    PartnersController,
    PartnerCommercialSettingsController,
    PartnerDeliverySettingsController,
  ],
  providers: [PartnerCommandHandler],
})
export class PartnersModule {}
