import { type Context, Script, createContext } from 'node:vm';

/**
 * How long one expression (a regular expression, JSONPath or XPath) may run on
 * one response before it is stopped and counts as not matching (or capturing
 * nothing). Matching normally takes microseconds; this bounds what no save-time
 * check can: a pattern as plain as `status.*rejected` backtracks for seconds on
 * 128 KiB of `status status …`.
 */
export const EXPRESSION_TIME_LIMIT_MS = 100;

const RUN = new Script('run()');
let sandbox: Context | undefined;

/**
 * `run()`'s value, or undefined when it ran out of time. Node's vm watchdog
 * terminates whatever JavaScript is running when the time is up, a regular
 * expression's backtracking included, and the process carries on. `run` must
 * not rely on the time limit for anything but stopping: what it leaves half
 * done (a cache entry) must be harmless. Errors `run` throws are thrown.
 */
export function withinTimeLimit<T>(run: () => T, ms = EXPRESSION_TIME_LIMIT_MS): T | undefined {
  sandbox ??= createContext({});
  sandbox.run = run;
  try {
    return RUN.runInContext(sandbox, { timeout: ms }) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return undefined;
    }
    throw error;
  } finally {
    sandbox.run = undefined;
  }
}
