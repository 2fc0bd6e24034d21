import type { ExceptionFilter, Type } from '@nestjs/common';
import type {
  DecodeResult,
  DecodedEvent,
  InboundMessage,
  IntegrationEventHandler,
  RelayRoute,
} from '@leadrail/messaging';
import type { Projection } from '@leadrail/projections';
import type { MigrationInterface } from 'typeorm';
import type { ConfigRequirements } from '../config/service-config';
import type { OpenApiInfo } from '../http/open-api';

/** What makes one LeadRail service: everything else (config, health, metrics, logging) is shared. */
export interface ServiceDefinition {
  /** Names the service in logs, metrics, its consumer group and its database schema. */
  readonly name: string;
  /** The service's own module: its use-case slices. */
  readonly module: Type<unknown>;
  /** Integration-event topics the service consumes. */
  readonly subscriptions: readonly string[];
  /** Migrations of the service's schema, oldest first (the inbox table is added for every service). */
  readonly migrations?: readonly (new () => MigrationInterface)[];
  /**
   * Decodes a consumed message against the service's contracts (decodeWithContracts).
   * Without it, envelopes are checked and every well-formed event is skipped.
   */
  readonly decode?: (message: InboundMessage) => DecodeResult<DecodedEvent>;
  /** Read models kept from the service's log, in its schema. */
  readonly projections?: readonly Projection[];
  /** Topics its relays publish to: created at boot when missing, like subscriptions. */
  readonly publishes?: readonly string[];
  /** Its streams published to Kafka, one relay per route. */
  readonly relays?: readonly RelayRoute[];
  /** Its HTTP API's OpenAPI description, served at /openapi.json (and /docs). */
  readonly openApi?: OpenApiInfo;
  /** What its configuration must hold beyond the common variables. */
  readonly requires?: ConfigRequirements;
  /**
   * Checks of its own variables (timers, ages), run with the common ones
   * before anything starts: each throws a ConfigError naming what is wrong,
   * so a malformed value exits 78 like any other configuration mistake.
   */
  readonly checkEnv?: readonly ((env: NodeJS.ProcessEnv) => unknown)[];
  /** Exception filters of its own (its domain's error codes to HTTP), registered once for every route. */
  readonly errorFilters?: readonly ExceptionFilter[];
  /** Nest providers that apply consumed integration events (each once, through the inbox). */
  readonly handlers?: readonly Type<IntegrationEventHandler>[];
}

/** Injection token of the running service's definition. */
export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
