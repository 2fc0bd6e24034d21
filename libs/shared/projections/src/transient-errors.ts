/**
 * Node socket errors that mean "the other side is (momentarily) unreachable".
 * DNS failures are included: during a failover the database's name can stop
 * resolving for a few seconds.
 */
const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable or overloaded server, and of conflicts that a
 * retry resolves. Class 08 (connection exception), class 53 (insufficient
 * resources) and class 58 (system error) are matched as classes below.
 */
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is being stopped or restarted
  '57P02', // crash_shutdown: another backend crashed, every connection is reset
  '57P03', // cannot_connect_now: the server is starting up or in recovery
  '57P05', // idle_session_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
]);
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '58'];

/**
 * What node-postgres and TypeORM say, without a code, when a connection dies
 * or cannot be had: "Connection terminated unexpectedly", "timeout exceeded
 * when trying to connect", "Client has encountered a connection error and is
 * not queryable", and the same from a pool.
 */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection error and is not queryable/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery)/i,
  /socket hang up/i,
];

/**
 * True when `error` comes from the infrastructure rather than from the code or
 * data that ran: the database (or the network to it) is down, restarting,
 * overloaded, or a retryable conflict happened. Such errors are retried for as
 * long as it takes; any other error is the projection's own and, after a few
 * attempts, stops it. Looks through wrappers: TypeORM's `driverError`, `cause`
 * and the errors of an AggregateError (a connect that tried IPv4 and IPv6).
 */
export function isTransientError(error: unknown): boolean {
  return someInErrorChain(error, (candidate) => {
    const code = typeof candidate.code === 'string' ? candidate.code : undefined;
    if (code && TRANSIENT_SOCKET_CODES.has(code)) {
      return true;
    }
    // A SQLSTATE (no class starts with E, unlike Node's codes) decides on its own.
    if (code && /^[0-9A-DF-Z][0-9A-Z]{4}$/.test(code)) {
      return (
        TRANSIENT_SQLSTATES.has(code) ||
        TRANSIENT_SQLSTATE_CLASSES.some((sqlClass) => code.startsWith(sqlClass))
      );
    }
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    return TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
  });
}

/**
 * One line for a log or a health check: the message and, where there is one,
 * the code (`57P01`, `ECONNREFUSED`), never a stack.
 */
export function describeError(error: unknown): string {
  // Duck-typed: errors from another realm (Node's own, under Jest) are not `instanceof Error`.
  if (
    error === null ||
    typeof error !== 'object' ||
    typeof (error as ErrorLike).message !== 'string'
  ) {
    return String(error);
  }
  const { code, message, errors, name } = error as ErrorLike & { errors?: unknown; name?: unknown };
  const text =
    (message as string) ||
    (Array.isArray(errors) ? errors.map(describeError).join('; ') : String(name));
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
}

type ErrorLike = { code?: unknown; message?: unknown };

/**
 * Whether `test` accepts the error or any error it wraps: TypeORM's
 * `driverError`, `cause`, kafkajs's `originalError`, and an aggregate's `errors`.
 */
export function someInErrorChain(
  error: unknown,
  test: (candidate: Record<string, unknown>) => boolean,
): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const candidate = pending.pop();
    if (candidate === null || typeof candidate !== 'object' || seen.has(candidate)) {
      continue;
    }
    seen.add(candidate);
    if (test(candidate as Record<string, unknown>)) {
      return true;
    }
    const wrapper = candidate as {
      driverError?: unknown;
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    pending.push(wrapper.driverError, wrapper.cause, wrapper.originalError);
    if (Array.isArray(wrapper.errors)) {
      pending.push(...(wrapper.errors as unknown[]));
    }
  }
  return false;
}
