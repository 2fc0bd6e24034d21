import { IsCountryCode, IsText, Nullable } from '@leadrail/integration-events';

/**
 * Where the person is, coarsely enough not to identify them: the part of the
 * address that stays readable after erasure, what a redacted referral shows
 * and routing may match on.
 */
export class LeadArea {
  @Nullable(
    'ISO 3166-1 alpha-2 country code in upper case, e.g. GB; null when the lead had no address.',
  )
  @IsCountryCode()
  country!: string | null;

  @Nullable(
    'Town or city as the introducer wrote it (1-100 characters); null when the lead had no address.',
  )
  @IsText(100)
  city!: string | null;

  @Nullable(
    'For a UK postcode, its outward code only, e.g. SW1A (never the full postcode); null for other countries or without an address.',
  )
  @IsText(20)
  postcodeDistrict!: string | null;
}
