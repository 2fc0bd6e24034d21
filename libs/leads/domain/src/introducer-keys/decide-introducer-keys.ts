import { isUtcTimestamp } from '@leadrail/integration-events';
import type { LeadCommandMetadata } from '../model/command-metadata';
import { isLeadUuid, isText } from '../validation/fields';
import { displayPrefixOf, isApiKeyId, isSha256Hex } from './api-key-format';
import type { IntroducerKeysCommand, IssueApiKey, RevokeApiKey } from './introducer-keys-commands';
import type { ApiKeyIssued, ApiKeyRevoked, IntroducerKeysEvent } from './introducer-keys-events';
import { IntroducerKeyError, IntroducerKeyErrorCode } from './introducer-keys-error';
import { type IntroducerKeysState, MAX_ACTIVE_API_KEYS, activeKeys } from './introducer-keys-state';
import { canonicalIntroducerId } from './introducer-keys-stream';

const MAX_LABEL = 100;
const MAX_REASON = 500;

function invalid(message: string, field: string): IntroducerKeyError {
  return new IntroducerKeyError(IntroducerKeyErrorCode.INVALID_COMMAND, message, field);
}

/** Keys are credentials to LeadRail's intake: only an operator issues or revokes them. */
function assertOperator(metadata: LeadCommandMetadata): void {
  if (metadata.actor.type !== 'operator') {
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.ACTOR_NOT_ALLOWED,
      'only an operator issues or revokes API keys',
      'metadata.actor.type',
    );
  }
  if (typeof metadata.actor.id !== 'string' || metadata.actor.id.trim().length === 0) {
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.INVALID_METADATA,
      'the actor must have an id',
      'metadata.actor.id',
    );
  }
  if (!isUtcTimestamp(metadata.occurredAt)) {
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.INVALID_METADATA,
      'must be an ISO 8601 UTC timestamp ending in Z, e.g. 2026-11-25T09:00:00Z',
      'metadata.occurredAt',
    );
  }
}

/** The introducer the command names, in lower case; refused when the stream is another introducer's. */
function introducerOf(command: IntroducerKeysCommand, state: IntroducerKeysState): string {
  const raw: unknown = command.data.introducerId;
  if (!isLeadUuid(raw)) {
    throw invalid('must be a UUID', 'introducerId');
  }
  const introducerId = canonicalIntroducerId(raw);
  if (state.introducerId !== null && state.introducerId !== introducerId) {
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.INTRODUCER_MISMATCH,
      `this stream holds the keys of introducer ${state.introducerId}`,
      'introducerId',
    );
  }
  return introducerId;
}

function keyIdOf(command: IntroducerKeysCommand): string {
  if (!isApiKeyId(command.data.keyId)) {
    throw invalid('must be 32 lower-case hexadecimal characters', 'keyId');
  }
  return command.data.keyId;
}

function decideIssue(command: IssueApiKey, state: IntroducerKeysState): ApiKeyIssued[] {
  const introducerId = introducerOf(command, state);
  const keyId = keyIdOf(command);
  const { secretHash } = command.data;
  if (!isSha256Hex(secretHash)) {
    throw invalid('must be a SHA-256 digest in lower-case hex (64 characters)', 'secretHash');
  }
  const label = typeof command.data.label === 'string' ? command.data.label.trim() : '';
  if (!isText(label, MAX_LABEL)) {
    throw invalid(
      `must be 1-${MAX_LABEL} characters, not blank, without control characters`,
      'label',
    );
  }
  const existing = state.keys.find((key) => key.keyId === keyId);
  if (existing) {
    // The same issue redelivered changes nothing; anything else under that id is a mistake.
    if (existing.secretHash === secretHash && existing.label === label) {
      return [];
    }
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.KEY_ALREADY_ISSUED,
      `key ${keyId} was already issued`,
      'keyId',
    );
  }
  if (activeKeys(state).length >= MAX_ACTIVE_API_KEYS) {
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.TOO_MANY_ACTIVE_KEYS,
      `an introducer may hold at most ${MAX_ACTIVE_API_KEYS} active API keys: revoke one first`,
    );
  }
  const { actor, occurredAt } = command.metadata;
  return [
    {
      type: 'ApiKeyIssued',
      data: {
        introducerId,
        keyId,
        label,
        secretHash,
        displayPrefix: displayPrefixOf(keyId),
        issuedAt: occurredAt,
        issuedBy: { type: actor.type, id: actor.id },
      },
    },
  ];
}

function decideRevoke(command: RevokeApiKey, state: IntroducerKeysState): ApiKeyRevoked[] {
  const introducerId = introducerOf(command, state);
  const keyId = keyIdOf(command);
  const reason = command.data.reason === undefined ? null : command.data.reason.trim();
  if (reason !== null && !isText(reason, MAX_REASON)) {
    throw invalid(
      `must be 1-${MAX_REASON} characters, not blank, without control characters`,
      'reason',
    );
  }
  const key = state.keys.find((candidate) => candidate.keyId === keyId);
  if (!key) {
    throw new IntroducerKeyError(
      IntroducerKeyErrorCode.KEY_NOT_FOUND,
      `introducer ${introducerId} has no API key ${keyId}`,
      'keyId',
    );
  }
  if (key.revokedAt !== null) {
    return [];
  }
  const { actor, occurredAt } = command.metadata;
  return [
    {
      type: 'ApiKeyRevoked',
      data: {
        introducerId,
        keyId,
        revokedAt: occurredAt,
        revokedBy: { type: actor.type, id: actor.id },
        reason,
      },
    },
  ];
}

/**
 * Decides what a command to an introducer's keys changes, as events, or
 * throws an `IntroducerKeyError`. Pure: time and actor come from the
 * command's metadata. Issuing the same key again, or revoking a revoked one,
 * decides nothing (safe to retry).
 */
export function decideIntroducerKeys(
  command: IntroducerKeysCommand,
  state: IntroducerKeysState,
): IntroducerKeysEvent[] {
  assertOperator(command.metadata);
  switch (command.type) {
    case 'IssueApiKey':
      return decideIssue(command, state);
    case 'RevokeApiKey':
      return decideRevoke(command, state);
    default: {
      // A new command type fails to compile here until it is decided.
      const _exhaustive: never = command;
      throw new Error(`unknown introducer keys command ${JSON.stringify(_exhaustive)}`);
    }
  }
}
