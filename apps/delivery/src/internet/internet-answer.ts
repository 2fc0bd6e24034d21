/** How an internet request can fail before (or instead of) a complete HTTP answer. */
export const TRANSPORT_ERROR_CODES = [
  /** No complete answer (connect, request, response headers and body) within the timeout. */
  'timeout',
  'connection-refused',
  /** The connection was reset or closed before the answer was complete. */
  'connection-reset',
  /** The name does not resolve (or DNS failed). */
  'dns',
  /** The outbound-address guard refused the URL or an address it resolved to. */
  'blocked-address',
  /** Not a URL that may be sent to (scheme, credentials in it, unparsable). */
  'invalid-url',
  'too-many-redirects',
  /** A redirect whose Location is missing or not a URL. */
  'invalid-redirect',
  /** A redirect from https to http, which would send the lead in clear text. */
  'insecure-redirect',
  /** The response body went past the hard cap. */
  'response-too-large',
  /** TLS handshake or certificate failure. */
  'tls',
  /** No route to the host or network. */
  'unreachable',
  /** The partner's answer is not valid HTTP. */
  'protocol-error',
  /** Node refused the request itself (an invalid header slipped through). */
  'invalid-request',
  /** Any other network failure. */
  'network',
] as const;

/** One of {@link TRANSPORT_ERROR_CODES}. */
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** What both kinds of answer carry. */
interface AnswerTiming {
  /** When the attempt started: ISO 8601 UTC. */
  readonly startedAt: string;
  /** From the start to the complete answer (or the failure), redirects included, in whole ms. */
  readonly durationMs: number;
  /** The URLs redirected to (307/308, followed), in order; empty when none. */
  readonly redirects: readonly string[];
}

/** The partner answered: any status, since outcome rules decide what it means. */
export interface InternetResponse extends AnswerTiming {
  readonly kind: 'response';
  readonly status: number;
  /** Response headers, names lower-cased; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  /** The body decoded as its charset says (UTF-8 by default), at most the kept bytes. */
  readonly body: string;
  /** The body was longer than the kept bytes: `body` is its beginning. */
  readonly truncated: boolean;
}

/** No (complete) answer: network trouble, a refusal of the guard, a cap. */
export interface InternetTransportError extends AnswerTiming {
  readonly kind: 'transport-error';
  readonly code: TransportErrorCode;
  /** For operators; names hosts and addresses, never request or response content. */
  readonly message: string;
}

/** The outcome of sending one internet request. */
export type InternetAnswer = InternetResponse | InternetTransportError;

/** The caps of one send. */
export const INTERNET_LIMITS = {
  /** Redirects (307/308) followed at most; one more is `too-many-redirects`. */
  maxRedirects: 3,
  /** Response body bytes kept in the answer (and so in the attempt log). */
  keptBodyBytes: 64 * 1024,
  /** Response body bytes read at most; one more is `response-too-large`. */
  maxBodyBytes: 1024 * 1024,
} as const;
