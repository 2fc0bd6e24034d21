import {
  AsyncApiInfo,
  IntegrationEventRegistry,
  integrationEventJsonSchema,
  integrationEventSchemaName,
  integrationEventsAsyncApi,
  parseIntegrationEvent,
} from '@leadrail/integration-events';
import { formatContractJson } from './format-json';

/** Where the JSON Schemas go, one file per event version. */
export const SCHEMAS_DIR = 'docs/contracts/schemas';
/** The AsyncAPI document of every documented topic. */
export const ASYNCAPI_FILE = 'docs/contracts/asyncapi.json';

const GENERATED_NOTE =
  'Generated from the contract classes by npm run contracts:generate; do not edit by hand.';

const INFO: AsyncApiInfo = {
  title: 'LeadRail integration events',
  // The document's own version; each message carries its contract version.
  version: '1.0.0',
  description: [
    'Integration events LeadRail publishes or accepts on Kafka.',
    'Every message value is a UTF-8 JSON envelope (eventId, type, version, occurredAt, correlationId, causationId, source, data); unknown properties are refused.',
    "Messages are keyed by their aggregate's id and delivered at least once: consumers de-duplicate by eventId.",
    'A message that fails validation is not dropped: it goes to <topic>.dlq with the reason in its headers.',
    'LeadReceived v1 for internal publishers is described in docs/contracts/lead-received-v1.md; partner events in docs/contracts/partner-events-v1.md.',
  ].join(' '),
};

/** True for a path the generator owns (so a stale one may be reported or deleted). */
export function isGeneratedPath(path: string): boolean {
  return (
    path === ASYNCAPI_FILE || (path.startsWith(`${SCHEMAS_DIR}/`) && path.endsWith('.schema.json'))
  );
}

// Examples are published as the contract's truth; an invalid one is a bug to stop at.
function assertExamplesValid(registry: IntegrationEventRegistry): void {
  for (const definition of registry.definitions) {
    for (const example of definition.examples) {
      const result = parseIntegrationEvent(JSON.stringify(example.payload), registry);
      if (!result.ok) {
        throw new Error(`example ${example.name} is invalid: ${result.message}`);
      }
    }
  }
}

/**
 * Every generated contract file, by path relative to the repository root:
 * `docs/contracts/schemas/<Type>.v<version>.schema.json` per event and
 * `docs/contracts/asyncapi.json`. Pure apart from reading class metadata.
 *
 * @throws Error when two registries define the same event or an example is invalid.
 */
export function contractFiles(
  registries: readonly IntegrationEventRegistry[],
): Map<string, string> {
  const registry = new IntegrationEventRegistry(registries.flatMap((r) => r.definitions));
  assertExamplesValid(registry);
  const files = new Map<string, string>();
  for (const definition of registry.definitions) {
    files.set(
      `${SCHEMAS_DIR}/${integrationEventSchemaName(definition)}.schema.json`,
      formatContractJson({ $comment: GENERATED_NOTE, ...integrationEventJsonSchema(definition) }),
    );
  }
  files.set(
    ASYNCAPI_FILE,
    formatContractJson({
      'x-generated': GENERATED_NOTE,
      ...integrationEventsAsyncApi(registry, INFO),
    }),
  );
  return files;
}
