import { Topic } from '@leadrail/topics';
import { EVENT_TYPE_PATTERN, IntegrationEvent, IntegrationEventJson } from './envelope';

/** A complete example message, published in the docs, the JSON Schema and AsyncAPI, and tested. */
export interface IntegrationEventExample<
  TType extends string = string,
  TVersion extends number = number,
  TData extends object = object,
> {
  /** Short machine name, e.g. `mortgage-lead-with-email-and-phone`. */
  readonly name: string;
  /** One sentence saying what the example shows. */
  readonly summary: string;
  /** The message value exactly as it goes on the topic. */
  readonly payload: IntegrationEventJson<TType, TVersion, TData>;
}

/** How messages of an event are keyed on Kafka: the aggregate id, so one aggregate's events stay in order. */
export interface IntegrationEventKey<TData extends object = object> {
  /** Text for documentation and AsyncAPI, e.g. "data.leadId, the lead's id". */
  readonly description: string;
  /** The key of one event. */
  of(data: TData): string;
}

/** Everything LeadRail knows about one version of one integration event. */
export interface IntegrationEventDefinition<
  TType extends string = string,
  TVersion extends number = number,
  TData extends object = object,
> {
  /** PascalCase past-tense name, e.g. `LeadReceived`. */
  readonly type: TType;
  /** Contract version, an integer from 1. */
  readonly version: TVersion;
  /** The topic the event travels on (`@leadrail/topics`). */
  readonly topic: Topic;
  /** The class-validator class of `data`. */
  readonly data: new () => TData;
  /** What the event means, for humans. */
  readonly description: string;
  /** The Kafka message key. */
  readonly key: IntegrationEventKey<TData>;
  /** Complete, valid example messages. */
  readonly examples: readonly IntegrationEventExample<TType, TVersion, TData>[];
}

/** Any definition, whatever its type, version and data. */
export type AnyIntegrationEventDefinition = IntegrationEventDefinition<string, number, object>;

/** The event a definition describes. */
export type IntegrationEventOf<D extends AnyIntegrationEventDefinition> =
  D extends IntegrationEventDefinition<infer TType, infer TVersion, infer TData>
    ? IntegrationEvent<TType, TVersion, TData>
    : never;

/** The data class instance of a definition. */
export type IntegrationEventDataOf<D extends AnyIntegrationEventDefinition> =
  D extends IntegrationEventDefinition<string, number, infer TData> ? TData : never;

/** What `defineIntegrationEvent` takes; the data class alone decides the data type. */
export interface IntegrationEventSpec<
  TType extends string,
  TVersion extends number,
  TData extends object,
> {
  readonly type: TType;
  readonly version: TVersion;
  readonly topic: Topic;
  readonly data: new () => TData;
  readonly description: string;
  readonly key: IntegrationEventKey<NoInfer<TData>>;
  readonly examples: readonly IntegrationEventExample<TType, TVersion, NoInfer<TData>>[];
}

/**
 * Declares one version of an integration event. The returned definition goes
 * into a registry (for consumers) and is passed to `newIntegrationEvent` (for
 * producers); the schema generator documents it.
 *
 * @throws Error when the type is not PascalCase, the version is not an integer
 * from 1, or there is no description or example (programming errors).
 */
export function defineIntegrationEvent<
  const TType extends string,
  const TVersion extends number,
  TData extends object,
>(
  spec: IntegrationEventSpec<TType, TVersion, TData>,
): IntegrationEventDefinition<TType, TVersion, TData> {
  const name = `${spec.type} v${spec.version}`;
  if (!EVENT_TYPE_PATTERN.test(spec.type)) {
    throw new Error(`${name}: the event type must be PascalCase, e.g. LeadReceived`);
  }
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`${name}: the version must be an integer from 1`);
  }
  if (spec.description.trim() === '' || spec.examples.length === 0) {
    throw new Error(`${name}: a published contract needs a description and at least one example`);
  }
  return Object.freeze({ ...spec, examples: Object.freeze([...spec.examples]) });
}
