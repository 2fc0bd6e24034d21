import fc from 'fast-check';
import { type JsonSchema, type OpenApiDocument, resolveSchema } from './open-api';

// Nested settings (a schedule's days, a partner's type) are a few levels deep; deeper is a cycle.
const MAX_DEPTH = 8;

/**
 * Values that satisfy a JSON Schema as an OpenAPI document states it: the
 * valid requests a client would send, for the fuzzer to mutate. Uses the
 * schema's example for a string most of the time, so values also pass the
 * service's own rules (a currency code, a time of day) and reach deeper code.
 */
export function valueFor(
  schema: JsonSchema,
  document: OpenApiDocument,
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolveSchema(schema, document);
  const value = plainValueFor(resolved, document, depth);
  return resolved.nullable ? fc.oneof({ weight: 5, arbitrary: value }, fc.constant(null)) : value;
}

function plainValueFor(
  schema: JsonSchema,
  document: OpenApiDocument,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined && schema.enum.length > 0) {
    return fc.constantFrom(...schema.enum);
  }
  const variants = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (variants !== undefined && variants.length > 0) {
    return fc.oneof(...variants.map((variant) => valueFor(variant, document, depth)));
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return schema.example === undefined
        ? fc.string()
        : fc.oneof({ weight: 4, arbitrary: fc.constant(schema.example) }, fc.string());
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth >= MAX_DEPTH || schema.items === undefined
        ? fc.constant([])
        : fc.array(valueFor(schema.items, document, depth + 1), { maxLength: 4 });
    case 'object':
    case undefined:
      return objectFor(schema, document, depth);
    default:
      return fc.anything();
  }
}

function objectFor(
  schema: JsonSchema,
  document: OpenApiDocument,
  depth: number,
): fc.Arbitrary<unknown> {
  if (depth >= MAX_DEPTH) {
    return fc.constant({});
  }
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    const values = schema.additionalProperties;
    return typeof values === 'object'
      ? fc.dictionary(
          fc.string({ minLength: 1, maxLength: 20 }),
          valueFor(values, document, depth + 1),
          {
            maxKeys: 4,
          },
        )
      : fc.constant({});
  }
  return fc.record(
    Object.fromEntries(
      properties.map(([name, property]) => [name, valueFor(property, document, depth + 1)]),
    ),
    { requiredKeys: schema.required ?? [] },
  );
}
