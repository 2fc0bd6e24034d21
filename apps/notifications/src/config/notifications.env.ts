import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const POLL = 'NOTIFICATIONS_POLL_MS must be a whole number of milliseconds from 20 to 60000';
const ATTEMPTS = 'NOTIFICATIONS_MAX_ATTEMPTS must be a whole number from 1 to 20';
const BASE =
  'NOTIFICATIONS_RETRY_BASE_MS must be a whole number of milliseconds from 100 to 3600000';

/** The notifications service's own variables (README, "Configuration"). */
export class NotificationsEnv {
  /** How often each instance looks for sends due. */
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: POLL })
  @Min(20, { message: POLL })
  @Max(60_000, { message: POLL })
  NOTIFICATIONS_POLL_MS = 500;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: ATTEMPTS })
  @Min(1, { message: ATTEMPTS })
  @Max(20, { message: ATTEMPTS })
  NOTIFICATIONS_MAX_ATTEMPTS = 6;

  /** The first retry's delay, doubled (with jitter) for each retry after it, up to an hour. */
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: BASE })
  @Min(100, { message: BASE })
  @Max(3_600_000, { message: BASE })
  NOTIFICATIONS_RETRY_BASE_MS = 30_000;
}

export interface NotificationsSettings {
  pollMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

export function notificationsSettings(env: NodeJS.ProcessEnv): NotificationsSettings {
  const { value, problems } = validateEnv(NotificationsEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('notifications', problems);
  }
  return {
    pollMs: value.NOTIFICATIONS_POLL_MS,
    maxAttempts: value.NOTIFICATIONS_MAX_ATTEMPTS,
    retryBaseMs: value.NOTIFICATIONS_RETRY_BASE_MS,
  };
}

export const notificationsSettingsProvider = {
  provide: NOTIFICATIONS_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): NotificationsSettings => notificationsSettings(config.env),
};
