import { getMetadataStorage, MAX, MIN, ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { JsonObject, JsonValue, isJsonObject } from '../json';
import { isJsonSchemaDescribed } from '../rules/json-schema-described';
import { ContractClass, nestedTypeOf } from '../rules/nested-object';

type SchemaOptions = NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]>;
type Converters = NonNullable<SchemaOptions['additionalConverters']>;

function converters(refPrefix: string): Converters {
  return {
    [ValidationTypes.NESTED_VALIDATION]: (meta) => {
      const type =
        typeof meta.target === 'function'
          ? nestedTypeOf(meta.target.prototype as object, meta.propertyName)
          : undefined;
      if (!type) {
        throw new Error(
          `${String(meta.propertyName)}: declare nested contract objects with NestedObject(() => Class)`,
        );
      }
      return { $ref: refPrefix + type.name };
    },
    // Custom rules describe themselves (JsonSchemaDescribed); the library's
    // default would guess from the reflected TypeScript type.
    [ValidationTypes.CUSTOM_VALIDATION]: (meta) =>
      isJsonSchemaDescribed(meta.constraintCls)
        ? meta.constraintCls.jsonSchema((meta.constraints ?? []) as unknown[])
        : {},
    // The defaults add `type: number`, which overwrites IsInt's `integer` when merged.
    [MIN]: (meta) => ({ minimum: (meta.constraints as [number])[0] }),
    [MAX]: (meta) => ({ maximum: (meta.constraints as [number])[0] }),
  };
}

/**
 * Draft-07 ignores every keyword beside `$ref`, so a property that adds rules
 * to a referenced class (`contact` must have an email or a phone) moves the
 * `$ref` into `allOf`. A bare `type: object` next to a `$ref` says nothing and goes.
 */
function normalise(node: JsonValue): JsonValue {
  if (Array.isArray(node)) {
    return node.map(normalise);
  }
  if (!isJsonObject(node)) {
    return node;
  }
  const entries = Object.entries(node).map(([key, value]) => [key, normalise(value)] as const);
  const $ref = node.$ref;
  if (typeof $ref !== 'string') {
    return Object.fromEntries(entries);
  }
  const rest = Object.fromEntries(entries.filter(([key]) => key !== '$ref' && key !== 'type'));
  if (Object.keys(rest).length === 0) {
    return { $ref };
  }
  const allOf = Array.isArray(rest.allOf) ? rest.allOf : [];
  return { ...rest, allOf: [...allOf, { $ref }] };
}

/**
 * JSON Schema (draft-07) of every class-validator class loaded, keyed by class
 * name, with `$ref`s under `refPrefix`. Every class schema refuses unknown
 * properties, as validation does.
 */
export function classSchemas(refPrefix: string): Record<string, JsonObject> {
  const generated = validationMetadatasToSchemas({
    refPointerPrefix: refPrefix,
    additionalConverters: converters(refPrefix),
  });
  const plain = JSON.parse(JSON.stringify(generated)) as Record<string, JsonObject>;
  return Object.fromEntries(
    Object.entries(plain).map(([name, schema]) => [
      name,
      { ...(normalise(schema) as JsonObject), additionalProperties: false },
    ]),
  );
}

/**
 * The contract classes reachable from `roots` through `NestedObject`, by name.
 *
 * @throws Error when two different classes share a name: schema definitions
 * are keyed by class name, and class-validator-jsonschema would merge them.
 */
export function contractClassesOf(roots: readonly ContractClass[]): Map<string, ContractClass> {
  const found = new Map<string, ContractClass>();
  const visit = (type: ContractClass): void => {
    const seen = found.get(type.name);
    if (seen === type) {
      return;
    }
    if (seen) {
      throw new Error(`Two contract classes are named ${type.name}; rename one`);
    }
    found.set(type.name, type);
    for (const meta of getMetadataStorage().getTargetValidationMetadatas(type, '', true, false)) {
      const nested =
        meta.type === ValidationTypes.NESTED_VALIDATION
          ? nestedTypeOf(type.prototype as object, meta.propertyName)
          : undefined;
      if (nested) {
        visit(nested);
      }
    }
  };
  roots.forEach(visit);
  return found;
}
