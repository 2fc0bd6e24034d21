import { IsInt, IsObject, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp } from './rules/utc-timestamp';

/** PascalCase, as event types are named (`LeadReceived`, `DailyLimitChanged`). */
export const EVENT_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]*$/;

// Dot-separated lower-case names (`leadrail.leads`, `acme.crm`): readable in
// logs and dead-letter listings, and safe to use as a metric label.
const SOURCE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/**
 * The envelope every integration event travels in. The envelope fields are the
 * same for every event; `data` is the event's own payload, validated with the
 * data class of the event's definition (see `defineIntegrationEvent`).
 *
 * On the wire it is the JSON of this class; a parsed event is an instance of it
 * whose `data` is an instance of the data class.
 */
export class IntegrationEventEnvelope<TData extends object = object> {
  @JSONSchema({
    description:
      'Unique id of this event (UUID). Resend the same id when retrying: consumers de-duplicate redeliveries by it.',
  })
  @IsUUID()
  eventId!: string;

  @JSONSchema({ description: 'The event type, a PascalCase past-tense name, e.g. LeadReceived.' })
  @Matches(EVENT_TYPE_PATTERN, {
    message: '$property must be a PascalCase event name, e.g. LeadReceived',
  })
  @MaxLength(100)
  type!: string;

  @JSONSchema({ description: 'Version of the event type contract (1, 2, ...).' })
  @IsInt()
  @Min(1)
  version!: number;

  @JSONSchema({
    description: 'When the event happened: ISO 8601 in UTC with Z, e.g. 2026-11-25T09:00:00.000Z.',
  })
  @IsUtcTimestamp()
  occurredAt!: string;

  @JSONSchema({
    description:
      'Id (UUID) shared by every event of one business flow, for tracing; the first event of a flow may use its own eventId.',
  })
  @IsUUID()
  correlationId!: string;

  @JSONSchema({
    description:
      'Id (UUID) of the event or request that caused this one; an event that starts a flow uses its own eventId.',
  })
  @IsUUID()
  causationId!: string;

  @JSONSchema({
    description:
      'The producer: lower-case dot-separated name, e.g. leadrail.leads or acme.crm (at most 100 characters).',
  })
  @Matches(SOURCE_PATTERN, {
    message:
      '$property must name the producer in lower case with dots, e.g. leadrail.leads or acme.crm',
  })
  @MaxLength(100)
  source!: string;

  @JSONSchema({ description: "The event's payload, defined by its type and version." })
  @IsObject({ message: "$property must be an object holding the event's payload" })
  data!: TData;
}

/**
 * A parsed or newly built integration event: the envelope with the type and
 * version of one definition and its data class. Switch on `type` (and
 * `version`) to narrow a union of these to one event.
 */
export type IntegrationEvent<
  TType extends string = string,
  TVersion extends number = number,
  TData extends object = object,
> = IntegrationEventEnvelope<TData> & { readonly type: TType; readonly version: TVersion };

/** An integration event as plain JSON, as publishers write it (used for examples). */
export interface IntegrationEventJson<
  TType extends string = string,
  TVersion extends number = number,
  TData extends object = object,
> {
  eventId: string;
  type: TType;
  version: TVersion;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  source: string;
  data: TData;
}
