import { AnyIntegrationEventDefinition } from '../definition';
import { IntegrationEventEnvelope } from '../envelope';
import { JsonObject, JsonValue, isJsonObject } from '../json';
import { classSchemas, contractClassesOf } from './class-schemas';

/** `LeadReceived.v1`: the name of an event's schema, message and file. */
export function integrationEventSchemaName(definition: AnyIntegrationEventDefinition): string {
  return `${definition.type}.v${definition.version}`;
}

/** The schemas one document needs: each event's envelope and the classes its data reaches. */
export interface ContractSchemas {
  /** The envelope schema of one event, with `type` and `version` fixed and `data` referenced. */
  eventSchema(definition: AnyIntegrationEventDefinition): JsonObject;
  /** Class schemas reachable from `definitions`' data classes, by class name. */
  classes(definitions: readonly AnyIntegrationEventDefinition[]): Record<string, JsonObject>;
}

function objectAt(value: JsonValue | undefined, what: string): JsonObject {
  if (!isJsonObject(value)) {
    throw new Error(`missing ${what} in the generated schemas`);
  }
  return value;
}

/** Builds the schemas of integration events with `$ref`s under `refPrefix`. */
export function contractSchemas(refPrefix: string): ContractSchemas {
  const all = classSchemas(refPrefix);
  const envelope = objectAt(all[IntegrationEventEnvelope.name], IntegrationEventEnvelope.name);
  const envelopeProperties = objectAt(envelope.properties, 'envelope properties');
  return {
    eventSchema(definition) {
      const property = (name: string) => objectAt(envelopeProperties[name], `envelope ${name}`);
      return {
        ...envelope,
        title: `${definition.type} v${definition.version}`,
        description: definition.description,
        properties: {
          ...envelopeProperties,
          type: { ...property('type'), const: definition.type },
          version: { ...property('version'), const: definition.version },
          data: {
            ...property('data'),
            allOf: [{ $ref: refPrefix + definition.data.name }],
          },
        },
        examples: definition.examples.map((example) => example.payload as unknown as JsonObject),
      };
    },
    classes(definitions) {
      const names = [...contractClassesOf(definitions.map((d) => d.data)).keys()];
      return Object.fromEntries(names.map((name) => [name, objectAt(all[name], name)]));
    },
  };
}

/** JSON Schema draft-07, the dialect AsyncAPI's schema format extends. */
export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/**
 * A standalone JSON Schema (draft-07) of one event: the envelope with its type
 * and version fixed, `data` and the classes it reaches under `definitions`,
 * and the definition's examples.
 */
export function integrationEventJsonSchema(definition: AnyIntegrationEventDefinition): JsonObject {
  const schemas = contractSchemas('#/definitions/');
  return {
    $schema: JSON_SCHEMA_DIALECT,
    ...schemas.eventSchema(definition),
    definitions: schemas.classes([definition]),
  };
}
