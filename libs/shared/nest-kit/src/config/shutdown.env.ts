import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MESSAGE = 'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 120000';

export class ShutdownEnv {
  /** How long in-flight work may take to finish after SIGTERM before the process exits anyway. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: MESSAGE })
  @Min(1000, { message: MESSAGE })
  @Max(120_000, { message: MESSAGE })
  SHUTDOWN_TIMEOUT_MS = 10_000;
}
