import { Topic } from '@leadrail/topics';
import { AnyIntegrationEventDefinition } from './definition';

function keyOf(type: string, version: number): string {
  return `${type}@${version}`;
}

/**
 * The integration events one consumer accepts (or one tool documents), keyed by
 * type and version. During a migration a registry holds both versions of an
 * event, e.g. `LeadReceived` v1 and v2.
 */
export class IntegrationEventRegistry<
  D extends AnyIntegrationEventDefinition = AnyIntegrationEventDefinition,
> {
  /** The definitions, in the order given. */
  readonly definitions: readonly D[];
  private readonly byTypeAndVersion: ReadonlyMap<string, D>;

  /** @throws Error when two definitions share a type and version. */
  constructor(definitions: readonly D[]) {
    const byTypeAndVersion = new Map<string, D>();
    for (const definition of definitions) {
      const key = keyOf(definition.type, definition.version);
      if (byTypeAndVersion.has(key)) {
        throw new Error(`${definition.type} v${definition.version} is registered twice`);
      }
      byTypeAndVersion.set(key, definition);
    }
    this.definitions = Object.freeze([...definitions]);
    this.byTypeAndVersion = byTypeAndVersion;
  }

  /** The definition of `type` at `version`, if registered. */
  find(type: string, version: number): D | undefined {
    return this.byTypeAndVersion.get(keyOf(type, version));
  }

  /** The registered versions of `type`, ascending (empty when the type is unknown). */
  versionsOf(type: string): number[] {
    return this.definitions
      .filter((definition) => definition.type === type)
      .map((definition) => definition.version)
      .sort((a, b) => a - b);
  }

  /** The topics the registered events travel on, sorted, each once. */
  topics(): Topic[] {
    return [...new Set(this.definitions.map((definition) => definition.topic))].sort();
  }

  /** "LeadReceived v1, LeadReceived v2": what this registry accepts, for messages. */
  describe(): string {
    return this.definitions
      .map((definition) => `${definition.type} v${definition.version}`)
      .join(', ');
  }
}
