import { Module } from '@nestjs/common';

/** The leads service's use-case slices (commands/, queries/) are listed here as they are built. */
@Module({})
export class LeadsModule {}
