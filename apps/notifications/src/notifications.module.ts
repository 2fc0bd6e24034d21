import { Module } from '@nestjs/common';

/** The notifications service's use-case slices (commands/, queries/) are listed here as they are built. */
@Module({})
export class NotificationsModule {}
