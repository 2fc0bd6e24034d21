import { OutboundAddressErrorCode } from '@leadrail/outbound-guard';
import type { TransportErrorCode } from './internet-answer';

/** A failure as the answer reports it. */
export interface TransportFailure {
  readonly code: TransportErrorCode;
  readonly message: string;
}

/** Thrown inside the sender to end an attempt with a transport error. */
export class TransportFailureError extends Error {
  constructor(readonly failure: TransportFailure) {
    super(failure.message);
    this.name = 'TransportFailureError';
  }
}

/** The transport error a guard refusal code stands for. */
export function guardFailureCode(code: OutboundAddressErrorCode): TransportErrorCode {
  switch (code) {
    case OutboundAddressErrorCode.INTERNAL_ADDRESS:
    case OutboundAddressErrorCode.INTERNAL_HOST_NAME:
      return 'blocked-address';
    case OutboundAddressErrorCode.UNRESOLVABLE_HOST:
      return 'dns';
    case OutboundAddressErrorCode.INVALID_URL:
    case OutboundAddressErrorCode.UNSUPPORTED_SCHEME:
    case OutboundAddressErrorCode.CREDENTIALS_IN_URL:
      return 'invalid-url';
  }
}

const GUARD_CODES = new Set<string>(Object.values(OutboundAddressErrorCode));
const BY_CODE: Readonly<Record<string, TransportErrorCode>> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  ERR_STREAM_PREMATURE_CLOSE: 'connection-reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  ETIMEOUT: 'dns',
  ETIMEDOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETDOWN: 'unreachable',
  EPROTO: 'tls',
  ERR_INVALID_CHAR: 'invalid-request',
  ERR_INVALID_HTTP_TOKEN: 'invalid-request',
  ERR_HTTP_INVALID_HEADER_VALUE: 'invalid-request',
};
const TLS = /^(ERR_TLS_|ERR_SSL_)|CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/;

/** The transport error behind an error thrown by the HTTP client (wrapped, aggregated or not). */
export function classifyFailure(error: unknown): TransportFailure {
  if (error instanceof TransportFailureError) {
    return error.failure;
  }
  const causes = causesOf(error);
  for (const cause of causes) {
    const code = codeOf(cause);
    if (code !== undefined && GUARD_CODES.has(code) && cause.name === 'OutboundAddressError') {
      return { code: guardFailureCode(code as OutboundAddressErrorCode), message: cause.message };
    }
  }
  for (const cause of causes) {
    const code = codeOf(cause);
    const mapped = code === undefined ? undefined : (BY_CODE[code] ?? byPattern(code));
    if (mapped !== undefined) {
      return { code: mapped, message: `${code}: ${messageOf(cause)}` };
    }
  }
  const first = causes[0];
  const code = first === undefined ? undefined : codeOf(first);
  return {
    code: 'network',
    message: `${code === undefined ? '' : `${code}: `}${first ? messageOf(first) : String(error)}`,
  };
}

function byPattern(code: string): TransportErrorCode | undefined {
  if (TLS.test(code)) {
    return 'tls';
  }
  return code.startsWith('HPE_') ? 'protocol-error' : undefined;
}

type ErrorLike = Error & { code?: unknown; cause?: unknown; errors?: unknown };

/** The error, what it wraps (`cause`) and what it aggregates (`errors`), outermost first. */
function causesOf(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (!(next instanceof Error) || found.includes(next)) {
      continue;
    }
    const candidate = next as ErrorLike;
    found.push(candidate);
    queue.push(candidate.cause);
    if (Array.isArray(candidate.errors)) {
      queue.push(...(candidate.errors as unknown[]));
    }
  }
  return found;
}

function codeOf(error: ErrorLike): string | undefined {
  return typeof error.code === 'string' && error.code !== '' ? error.code : undefined;
}

function messageOf(error: ErrorLike): string {
  if (error.message.trim() !== '') {
    return error.message.replace(/\s+/g, ' ').trim();
  }
  const inner = Array.isArray(error.errors) ? (error.errors as unknown[]) : [];
  const texts = inner.map((item) => (item instanceof Error ? item.message : String(item)));
  return texts.join('; ') || error.name;
}
