import { IsDefined, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

// Nullable properties per class, so the class schema can list them as required.
const nullablesByClass = new WeakMap<object, string[]>();

type Schema = Record<string, unknown>;

/**
 * A required property whose value may be `null` ("not set", "not given"); any
 * other value must pass the property's other rules. Put it above those rules.
 *
 * `Optional` would let the property be absent, but the producer always writes
 * it, so absent is a broken message. `ValidateIf` alone would also drop the
 * property from the schema's `required`, hence the class-level fix-up. The
 * description is taken here because a property has one `JSONSchema`.
 */
export function Nullable(description: string): PropertyDecorator {
  return (target, propertyKey) => {
    const name = String(propertyKey);
    IsDefined({ message: '$property must be present (null when not set)' })(target, propertyKey);
    ValidateIf((_object: object, value: unknown) => value !== null)(target, propertyKey);
    JSONSchema((schema) => {
      // IsDefined's converter adds `not: {type: null}`, the opposite of what is meant.
      const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'not'));
      return { description, anyOf: [rest, { type: 'null' }] };
    })(target, name);
    const type = target.constructor;
    const known = nullablesByClass.get(type);
    if (known) {
      known.push(name);
      return;
    }
    const nullables = [name];
    nullablesByClass.set(type, nullables);
    JSONSchema((schema) => {
      const required = new Set([
        ...(((schema as Schema).required as string[] | undefined) ?? []),
        ...nullables,
      ]);
      const order = Object.keys(((schema as Schema).properties as Schema | undefined) ?? {});
      return { ...schema, required: order.filter((key) => required.has(key)) };
    })(type);
  };
}
