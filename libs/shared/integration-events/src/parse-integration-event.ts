import { AnyIntegrationEventDefinition, IntegrationEventOf } from './definition';
import { IntegrationEventEnvelope } from './envelope';
import { isJsonObject } from './json';
import { IntegrationEventProblem, summariseProblems } from './problems';
import { IntegrationEventRegistry } from './registry';
import { validateAs } from './validate-as';

/** Why a message was refused; also the value of the `leadrail-dlq-reason` header. */
export type IntegrationEventRejectionReason =
  'invalid-json' | 'invalid-envelope' | 'unknown-event-type' | 'invalid-data';

/** A message that is a valid event of the registry. */
export interface IntegrationEventAccepted<E> {
  readonly ok: true;
  readonly event: E;
}

/** A message that is not, with every problem found and one readable line for headers and logs. */
export interface IntegrationEventRejection {
  readonly ok: false;
  readonly reason: IntegrationEventRejectionReason;
  readonly problems: readonly IntegrationEventProblem[];
  /** One line, at most 1000 characters, e.g. `Invalid LeadReceived v1 data: data.leadId must be a UUID`. */
  readonly message: string;
}

/** The outcome of parsing or validating one message. */
export type IntegrationEventParseResult<E> =
  IntegrationEventAccepted<E> | IntegrationEventRejection;

function reject(
  reason: IntegrationEventRejectionReason,
  heading: string,
  problems: IntegrationEventProblem[],
): IntegrationEventRejection {
  return { ok: false, reason, problems, message: summariseProblems(heading, problems) };
}

function unknownEventProblem(registry: IntegrationEventRegistry, type: string, version: number) {
  const versions = registry.versionsOf(type);
  return versions.length > 0
    ? {
        path: 'version',
        message: `${type} v${version} is not accepted here (accepted versions of ${type}: ${versions.join(', ')})`,
      }
    : {
        path: 'type',
        message: `${type} is not accepted here (accepted: ${registry.describe() || 'nothing'})`,
      };
}

/**
 * Validates an already-decoded message (an in-process transport hands over
 * objects) against a registry: envelope first, then the type and version, then
 * `data` with the definition's class. Every problem is reported at once; the
 * reason is the first stage that failed.
 */
export function validateIntegrationEvent<D extends AnyIntegrationEventDefinition>(
  value: unknown,
  registry: IntegrationEventRegistry<D>,
): IntegrationEventParseResult<IntegrationEventOf<D>> {
  if (!isJsonObject(value)) {
    return reject('invalid-envelope', 'Invalid envelope', [
      { path: '', message: 'the message must be a JSON object (the event envelope)' },
    ]);
  }
  // The envelope stage sees an empty stand-in for an object `data`: it checks
  // only that data is an object, and the payload is validated (and copied) once.
  const envelope = validateAs(
    IntegrationEventEnvelope,
    { ...value, data: isJsonObject(value.data) ? {} : value.data },
    '',
  );
  const { type, version } = value;
  const definition =
    typeof type === 'string' && typeof version === 'number'
      ? registry.find(type, version)
      : undefined;
  const identified = envelope.problems.every((p) => p.path !== 'type' && p.path !== 'version');
  const unknown =
    !definition && identified ? [unknownEventProblem(registry, String(type), Number(version))] : [];
  const data =
    definition && isJsonObject(value.data)
      ? validateAs(definition.data, value.data, 'data')
      : undefined;
  const dataProblems = data?.problems ?? [];

  if (envelope.problems.length > 0) {
    return reject('invalid-envelope', 'Invalid envelope', [
      ...envelope.problems,
      ...unknown,
      ...dataProblems,
    ]);
  }
  if (!definition || !data) {
    return reject('unknown-event-type', 'Unknown event type', unknown);
  }
  if (dataProblems.length > 0) {
    return reject(
      'invalid-data',
      `Invalid ${definition.type} v${definition.version} data`,
      dataProblems,
    );
  }
  envelope.instance.data = data.instance;
  return { ok: true, event: envelope.instance as IntegrationEventOf<D> };
}

/**
 * Parses one Kafka message value (UTF-8 JSON) into a validated, typed event of
 * the registry, or says why not. Never throws for bad input: a rejection is a
 * value, so the caller can dead-letter it and move on.
 */
export function parseIntegrationEvent<D extends AnyIntegrationEventDefinition>(
  raw: Buffer | string,
  registry: IntegrationEventRegistry<D>,
): IntegrationEventParseResult<IntegrationEventOf<D>> {
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return reject('invalid-json', 'Not valid JSON', [{ path: '', message: detail }]);
  }
  return validateIntegrationEvent(value, registry);
}
