import { parseReferralLinkSecrets } from '@leadrail/delivery-contracts';
import { ConfigError, SERVICE_CONFIG, type ServiceConfig, validateEnv } from '@leadrail/nest-kit';
import { Expose } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';

const PUBLIC_URL =
  'PUBLIC_LEADS_URL must be the leads service as partners reach it, http(s)://host[:port][/path], with no query or fragment';

/** The referral email's link variables (README, "Configuration"). */
export class ReferralLinksEnv {
  /** Where partners reach the leads service: the links' base. */
  @Expose()
  @IsOptional()
  @IsString({ message: PUBLIC_URL })
  PUBLIC_LEADS_URL?: string;

  /** The links' signing secret(s), shared with the leads service; the first signs. */
  @Expose()
  @IsOptional()
  @IsString()
  REFERRAL_LINK_SECRET?: string;
}

/** The referral email's links: both settings, or neither (then the email says to use the portal). */
export interface ReferralLinkSettings {
  /** The leads service's public base URL, without a trailing slash; null: no links. */
  readonly publicLeadsUrl: string | null;
  /** The secret links are signed with (REFERRAL_LINK_SECRET's first); null: no links. */
  readonly secret: Buffer | null;
}

/** Injection token of {@link ReferralLinkSettings}. */
export const REFERRAL_LINK_SETTINGS = Symbol('REFERRAL_LINK_SETTINGS');

/** A public base URL, or why it is not one. */
function publicUrlOf(text: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: PUBLIC_URL };
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    return { problem: PUBLIC_URL };
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Reads PUBLIC_LEADS_URL and REFERRAL_LINK_SECRET: both set, the referral
 * email carries signed Accept and Decline links; neither, it tells the
 * partner to answer in the portal; one without the other stops start-up
 * (exit 78), as does a malformed value (the secret is never repeated).
 */
export function referralLinkSettings(env: NodeJS.ProcessEnv): ReferralLinkSettings {
  const { value, problems } = validateEnv(ReferralLinksEnv, env);
  const found = [...problems];
  const url =
    value.PUBLIC_LEADS_URL === undefined || value.PUBLIC_LEADS_URL.trim() === ''
      ? null
      : publicUrlOf(value.PUBLIC_LEADS_URL);
  const secrets = parseReferralLinkSecrets(value.REFERRAL_LINK_SECRET);
  if (url !== null && typeof url !== 'string') {
    found.push({ variable: 'PUBLIC_LEADS_URL', message: url.problem });
  }
  if ('problem' in secrets) {
    found.push({ variable: 'REFERRAL_LINK_SECRET', message: secrets.problem });
  } else if ((secrets.secrets === null) !== (url === null)) {
    const missing = url === null ? 'PUBLIC_LEADS_URL' : 'REFERRAL_LINK_SECRET';
    const other = url === null ? 'REFERRAL_LINK_SECRET' : 'PUBLIC_LEADS_URL';
    found.push({
      variable: missing,
      message: `${missing} is required with ${other}: the referral email's links need both`,
    });
  }
  if (found.length > 0) {
    throw new ConfigError('delivery', found);
  }
  const secret = 'secrets' in secrets ? (secrets.secrets?.[0] ?? null) : null;
  return typeof url === 'string' && secret !== null
    ? { publicLeadsUrl: url, secret }
    : { publicLeadsUrl: null, secret: null };
}

export const referralLinkSettingsProvider = {
  provide: REFERRAL_LINK_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: ServiceConfig): ReferralLinkSettings => referralLinkSettings(config.env),
};
