import { Logger } from '@nestjs/common';
import type { DiagLogger } from '@opentelemetry/api';

/** The OpenTelemetry SDK's own problems (a collector that refuses or times out) as service log lines. */
export class NestDiagLogger implements DiagLogger {
  private readonly logger = new Logger('OpenTelemetry');

  error(message: string, ...args: unknown[]): void {
    this.logger.error(this.line(message, args));
  }

  warn(message: string, ...args: unknown[]): void {
    this.logger.warn(this.line(message, args));
  }

  info(message: string, ...args: unknown[]): void {
    this.logger.log(this.line(message, args));
  }

  debug(message: string, ...args: unknown[]): void {
    this.logger.debug(this.line(message, args));
  }

  verbose(message: string, ...args: unknown[]): void {
    this.logger.verbose(this.line(message, args));
  }

  private line(message: string, args: unknown[]): string {
    const details = args.map((arg) => (arg instanceof Error ? arg.message : String(arg)));
    return [message, ...details].join(' ');
  }
}
