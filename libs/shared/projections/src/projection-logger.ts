/** Where a runner reports retries and stops; Nest's `Logger` fits. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

/** Without a logger (scripts, fixtures), warnings and errors go to stderr. */
export const stderrProjectionLogger: ProjectionLogger = {
  log: () => undefined,
  warn: (message) => console.error(`warn: ${message}`),
  error: (message, stack) => console.error(stack ?? message),
};
