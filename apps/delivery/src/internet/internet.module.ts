import { Module } from '@nestjs/common';
import { InternetSender } from './internet-sender';

/**
 * The internet sender. It injects `OutboundAddressPolicy`, which the service
 * module of `@leadrail/nest-kit` provides globally (with the service's
 * OUTBOUND_ALLOWED_HOSTS): import this module into `DeliveryModule`.
 */
@Module({ providers: [InternetSender], exports: [InternetSender] })
export class InternetModule {}
