import { Type } from '@nestjs/common';
import { MigrationInterface } from 'typeorm';

/** What makes one LeadRail service: everything else (config, health, metrics, logging) is shared. */
export interface ServiceDefinition {
  /** Names the service in logs, metrics, its consumer group and its database schema. */
  readonly name: string;
  /** The service's own module: its use-case slices. */
  readonly module: Type<unknown>;
  /** Integration-event topics the service consumes. */
  readonly subscriptions: readonly string[];
  /** Migrations of the service's schema, oldest first. */
  readonly migrations?: readonly (new () => MigrationInterface)[];
}
