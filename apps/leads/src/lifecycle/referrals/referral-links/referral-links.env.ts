import { parseReferralLinkSecrets } from '@leadrail/delivery-contracts';
import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';

/** The referral links' variable (README, "Configuration"). */
export class ReferralLinksEnv {
  /** The secret(s) the delivery service signs referral links with; any of them verifies. */
  @Expose()
  @IsOptional()
  @IsString()
  REFERRAL_LINK_SECRET?: string;
}

/** The referral links' settings: the secrets that verify them, or null when links are off. */
export interface ReferralLinkSettings {
  readonly secrets: readonly Buffer[] | null;
}

/** Injection token of {@link ReferralLinkSettings}. */
export const REFERRAL_LINK_SETTINGS = Symbol('REFERRAL_LINK_SETTINGS');

/**
 * Reads REFERRAL_LINK_SECRET (one or more secrets, comma-separated, each at
 * least 32 characters; the same value as the delivery service's, or a list
 * holding its first one). Unset, the link pages answer that links are off; a
 * malformed value stops start-up (exit 78) without repeating the secret.
 */
export function referralLinkSettings(env: NodeJS.ProcessEnv): ReferralLinkSettings {
  const { value, problems } = validateEnv(ReferralLinksEnv, env);
  const parsed = parseReferralLinkSecrets(value.REFERRAL_LINK_SECRET);
  const found =
    'problem' in parsed
      ? [...problems, { variable: 'REFERRAL_LINK_SECRET', message: parsed.problem }]
      : problems;
  if (found.length > 0) {
    throw new ConfigError('leads', found);
  }
  return { secrets: 'secrets' in parsed ? parsed.secrets : null };
}

export const referralLinkSettingsProvider = {
  provide: REFERRAL_LINK_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): ReferralLinkSettings => referralLinkSettings(config.env),
};
