import { AnyIntegrationEventDefinition } from '../definition';
import { JsonObject } from '../json';
import { IntegrationEventRegistry } from '../registry';
import { contractSchemas, integrationEventSchemaName } from './event-schema';

/** The `info` of an AsyncAPI document. */
export interface AsyncApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

// The Kafka bindings version AsyncAPI 3.0 documents describe.
const KAFKA_BINDING_VERSION = '0.5.0';

function message(definition: AnyIntegrationEventDefinition): JsonObject {
  const name = integrationEventSchemaName(definition);
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: `${definition.type} v${definition.version} on ${definition.topic}`,
    description: definition.description,
    contentType: 'application/json',
    payload: { $ref: `#/components/schemas/${name}` },
    bindings: {
      kafka: {
        key: { type: 'string', description: definition.key.description },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: definition.examples.map((example) => ({
      name: example.name,
      summary: example.summary,
      payload: example.payload as unknown as JsonObject,
    })),
  };
}

function channel(topic: string, definitions: readonly AnyIntegrationEventDefinition[]): JsonObject {
  const names = definitions.map(integrationEventSchemaName);
  return {
    address: topic,
    title: topic,
    description: `Kafka topic ${topic}: ${names.join(', ')}. Each message is keyed by its aggregate's id (see the message's key), so one aggregate's events stay in order; delivery is at-least-once, so consumers de-duplicate by eventId.`,
    messages: Object.fromEntries(
      names.map((name) => [name, { $ref: `#/components/messages/${name}` }]),
    ),
  };
}

/**
 * An AsyncAPI 3.0 document of a registry: one channel per topic, one message
 * per event version (payload = the event's schema, Kafka key described), and
 * the schemas under `components`. Operations are left out: whether LeadRail
 * sends or receives a message depends on the reader's side of the topic.
 */
export function integrationEventsAsyncApi(
  registry: IntegrationEventRegistry,
  info: AsyncApiInfo,
): JsonObject {
  const schemas = contractSchemas('#/components/schemas/');
  const { definitions } = registry;
  return {
    asyncapi: '3.0.0',
    info: { ...info },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(
      registry.topics().map((topic) => [
        topic,
        channel(
          topic,
          definitions.filter((d) => d.topic === topic),
        ),
      ]),
    ),
    components: {
      messages: Object.fromEntries(
        definitions.map((d) => [integrationEventSchemaName(d), message(d)]),
      ),
      schemas: {
        ...schemas.classes(definitions),
        ...Object.fromEntries(
          definitions.map((d) => [integrationEventSchemaName(d), schemas.eventSchema(d)]),
        ),
      },
    },
  };
}
