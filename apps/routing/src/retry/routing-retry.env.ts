import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const POLL = 'ROUTING_RETRY_POLL_MS must be a whole number of milliseconds from 50 to 600000';
const INTERVAL =
  'ROUTING_RETRY_INTERVAL_MS must be a whole number of milliseconds from 1000 to 86400000';
const MAX_AGE =
  'ROUTING_RETRY_MAX_AGE_MINUTES must be a whole number of minutes from 1 to 525600 (a year)';

/** The unroutable-lead retry's variables (README, "Configuration"). */
export class RoutingRetryEnv {
  /** How often each instance looks for unroutable leads due a look. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: POLL })
  @Min(50, { message: POLL })
  @Max(600_000, { message: POLL })
  ROUTING_RETRY_POLL_MS = 5000;

  /**
   * How long a lead still unroutable waits before the next look when nothing
   * woke it: catches what no event announces (a schedule opening, a new
   * local day lifting a daily limit).
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: INTERVAL })
  @Min(1000, { message: INTERVAL })
  @Max(86_400_000, { message: INTERVAL })
  ROUTING_RETRY_INTERVAL_MS = 60_000;

  /** How old a lead may be (since the leads service recorded it) and still be retried. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: MAX_AGE })
  @Min(1, { message: MAX_AGE })
  @Max(525_600, { message: MAX_AGE })
  ROUTING_RETRY_MAX_AGE_MINUTES = 1440;
}

/** The retry's settings, validated. */
export interface RoutingRetrySettings {
  pollMs: number;
  intervalMs: number;
  maxAgeMinutes: number;
}

/** Injection token of {@link RoutingRetrySettings}. */
export const ROUTING_RETRY_SETTINGS = Symbol('ROUTING_RETRY_SETTINGS');

/** Reads the retry's variables; a malformed value stops start-up with its name. */
export function routingRetrySettings(env: NodeJS.ProcessEnv): RoutingRetrySettings {
  const { value, problems } = validateEnv(RoutingRetryEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('routing', problems);
  }
  return {
    pollMs: value.ROUTING_RETRY_POLL_MS,
    intervalMs: value.ROUTING_RETRY_INTERVAL_MS,
    maxAgeMinutes: value.ROUTING_RETRY_MAX_AGE_MINUTES,
  };
}

/** The settings from the variables the service was configured with (checked at start-up by `checkEnv`). */
export const routingRetrySettingsProvider = {
  provide: ROUTING_RETRY_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): RoutingRetrySettings => routingRetrySettings(config.env),
};
