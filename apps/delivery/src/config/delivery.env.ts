import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@leadrail/delivery-domain';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

const POLL = 'DELIVERY_POLL_MS must be a whole number of milliseconds from 20 to 60000';
const ATTEMPTS = 'DELIVERY_MAX_ATTEMPTS must be a whole number from 1 to 20';
const BASE = 'DELIVERY_RETRY_BASE_MS must be a whole number of milliseconds from 100 to 3600000';
const MAX = 'DELIVERY_RETRY_MAX_MS must be a whole number of milliseconds from 1000 to 86400000';
const RETENTION = 'DELIVERY_LOG_RETENTION_DAYS must be a whole number of days from 1 to 3650';

/** The delivery service's own variables (README, "Configuration"). */
export class DeliveryEnv {
  /** The leads service, where a lead's personal-data key is fetched to open its contact. */
  @Expose()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'LEADS_URL must be the leads service base URL, http(s)://host:port' },
  )
  LEADS_URL!: string;

  /** An administrator's bearer token on the leads service (one of its OPERATOR_TOKENS). */
  @Expose()
  @IsString({ message: 'LEADS_TOKEN is required: an administrator token of the leads service' })
  @MinLength(20, {
    message: 'LEADS_TOKEN is required: an administrator token of the leads service',
  })
  LEADS_TOKEN!: string;

  /** How often each instance looks for attempts due. */
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: POLL })
  @Min(20, { message: POLL })
  @Max(60_000, { message: POLL })
  DELIVERY_POLL_MS = 250;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: ATTEMPTS })
  @Min(1, { message: ATTEMPTS })
  @Max(20, { message: ATTEMPTS })
  DELIVERY_MAX_ATTEMPTS = DEFAULT_RETRY_POLICY.maxAttempts;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: BASE })
  @Min(100, { message: BASE })
  @Max(3_600_000, { message: BASE })
  DELIVERY_RETRY_BASE_MS = DEFAULT_RETRY_POLICY.baseDelayMs;

  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: MAX })
  @Min(1000, { message: MAX })
  @Max(86_400_000, { message: MAX })
  DELIVERY_RETRY_MAX_MS = DEFAULT_RETRY_POLICY.maxDelayMs;

  /** How long the attempt log keeps requests and responses (they hold leads' contacts). */
  @Expose()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: RETENTION })
  @Min(1, { message: RETENTION })
  @Max(3650, { message: RETENTION })
  DELIVERY_LOG_RETENTION_DAYS = 90;
}

/** The delivery service's settings, validated. */
export interface DeliverySettings {
  leads: { url: string; token: string };
  pollMs: number;
  retry: RetryPolicy;
  logRetentionDays: number;
}

/** Injection token of {@link DeliverySettings}. */
export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

/** Reads the variables; a malformed one stops start-up (exit 78) with its name. */
export function deliverySettings(env: NodeJS.ProcessEnv): DeliverySettings {
  const { value, problems } = validateEnv(DeliveryEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('delivery', problems);
  }
  return {
    leads: { url: value.LEADS_URL.replace(/\/+$/, ''), token: value.LEADS_TOKEN },
    pollMs: value.DELIVERY_POLL_MS,
    retry: {
      maxAttempts: value.DELIVERY_MAX_ATTEMPTS,
      baseDelayMs: value.DELIVERY_RETRY_BASE_MS,
      maxDelayMs: Math.max(value.DELIVERY_RETRY_MAX_MS, value.DELIVERY_RETRY_BASE_MS),
    },
    logRetentionDays: value.DELIVERY_LOG_RETENTION_DAYS,
  };
}

export const deliverySettingsProvider = {
  provide: DELIVERY_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): DeliverySettings => deliverySettings(config.env),
};
