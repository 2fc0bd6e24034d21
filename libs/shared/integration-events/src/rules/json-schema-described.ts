import { JsonObject } from '../json';

/**
 * The static side of a custom class-validator constraint that can say what it
 * means in JSON Schema. The schema generator asks a constraint class for
 * `jsonSchema(constraints)`; without it a custom rule adds nothing to the
 * schema, and the published contract would be looser than the validator.
 */
export interface JsonSchemaDescribed {
  jsonSchema(constraints: readonly unknown[]): JsonObject;
}

/** True when a constraint class describes itself in JSON Schema. */
export function isJsonSchemaDescribed(value: unknown): value is JsonSchemaDescribed {
  return (
    typeof value === 'function' &&
    typeof (value as Partial<JsonSchemaDescribed>).jsonSchema === 'function'
  );
}
