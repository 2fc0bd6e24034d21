import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

const NESTED_TYPE = Symbol('leadrail:nested-type');

/** A class a nested contract object is validated as. */
export type ContractClass = new () => object;

/**
 * A property holding a nested contract object (or, with `each`, an array of
 * them), validated with its own class.
 *
 * `IsObject` is there because `ValidateNested` alone accepts an array where one
 * object is expected (it validates each element). The class is recorded so the
 * JSON Schema generator can `$ref` it: TypeScript's reflected type says `Array`
 * for arrays, and class-transformer keeps its `@Type` metadata private.
 */
export function NestedObject(
  type: () => ContractClass,
  options: { each?: boolean } = {},
): PropertyDecorator {
  const each = options.each ?? false;
  const decorators = [
    ...(each ? [IsArray()] : []),
    IsObject({ each }),
    ValidateNested({ each }),
    Type(type),
  ];
  return (target, propertyKey) => {
    Reflect.defineMetadata(NESTED_TYPE, type, target, propertyKey);
    for (const decorate of decorators) {
      decorate(target, propertyKey);
    }
  };
}

/** The class `NestedObject` recorded for a property, if any. */
export function nestedTypeOf(target: object, propertyKey: string): ContractClass | undefined {
  const type = Reflect.getMetadata(NESTED_TYPE, target, propertyKey) as
    (() => ContractClass) | undefined;
  return type?.();
}
