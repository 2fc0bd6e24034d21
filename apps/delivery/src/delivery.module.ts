import { Module } from '@nestjs/common';

/** The delivery service's use-case slices (commands/, queries/) are listed here as they are built. */
@Module({})
export class DeliveryModule {}
