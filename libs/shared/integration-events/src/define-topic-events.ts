import type { Topic } from '@leadrail/topics';
import {
  type IntegrationEventDefinition,
  type IntegrationEventExample,
  defineIntegrationEvent,
} from './definition';

/** What one event declares when its topic's declarer fixes the version, topic and key. */
export interface TopicEventSpec<TType extends string, TData extends object> {
  readonly type: TType;
  readonly data: new () => TData;
  readonly description: string;
  readonly examples: readonly IntegrationEventExample<TType, 1, NoInfer<TData>>[];
}

/**
 * A declarer of v1 events on one topic, all keyed alike: each context's
 * contracts make theirs once (`defineLeadEventV1`), so the topic and the key
 * that keeps one aggregate's events in order are written in one place.
 */
export function v1EventsOn<TKeyed extends object>(
  topic: Topic,
  key: { description: string; of: (data: TKeyed) => string },
) {
  return <const TType extends string, TData extends TKeyed>(
    spec: TopicEventSpec<TType, TData>,
  ): IntegrationEventDefinition<TType, 1, TData> =>
    defineIntegrationEvent({ ...spec, version: 1, topic, key });
}
