/** One variable that is missing or malformed, named as the operator sets it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Thrown at start-up with every configuration problem at once, not just the first. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(
      `${service}: invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  - ${problem.variable}: ${problem.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
