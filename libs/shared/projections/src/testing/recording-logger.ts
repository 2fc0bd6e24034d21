import type { ProjectionLogger } from '../projection-logger';

/** A logger that keeps what a runner said, so tests can check it. */
export class RecordingLogger implements ProjectionLogger {
  readonly infos: string[] = [];
  readonly warnings: string[] = [];
  readonly errors: string[] = [];

  log(message: string): void {
    this.infos.push(message);
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  error(message: string): void {
    this.errors.push(message);
  }
}
