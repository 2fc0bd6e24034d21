import { ConfigError, validateEnv } from '@leadrail/nest-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MESSAGE = 'REFERRAL_EXPIRY_POLL_MS must be a whole number of milliseconds from 50 to 600000';

/** The referral expiry timer's variables (README, "Configuration"). */
export class ReferralExpiryEnv {
  /** How often each instance looks for referrals whose time is up. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: MESSAGE })
  @Min(50, { message: MESSAGE })
  @Max(600_000, { message: MESSAGE })
  REFERRAL_EXPIRY_POLL_MS = 5000;
}

/** The timer's settings, validated. */
export interface ReferralExpirySettings {
  pollMs: number;
}

/** Injection token of {@link ReferralExpirySettings}. */
export const REFERRAL_EXPIRY_SETTINGS = Symbol('REFERRAL_EXPIRY_SETTINGS');

/**
 * Reads the timer's variables. The shared ServiceConfig has no place for one
 * service's own variables yet, so this is the one spot of the leads service
 * that reads the environment; a malformed value stops start-up with its name.
 */
export function referralExpirySettings(env: NodeJS.ProcessEnv): ReferralExpirySettings {
  const { value, problems } = validateEnv(ReferralExpiryEnv, env);
  if (problems.length > 0) {
    throw new ConfigError('leads', problems);
  }
  return { pollMs: value.REFERRAL_EXPIRY_POLL_MS };
}

export const referralExpirySettingsProvider = {
  provide: REFERRAL_EXPIRY_SETTINGS,
  useFactory: (): ReferralExpirySettings => referralExpirySettings(process.env),
};
