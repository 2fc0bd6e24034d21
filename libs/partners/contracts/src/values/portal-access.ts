import { IsBoolean, IsIn } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Portal access levels, as the partners service names them. */
export const PORTAL_ACCESS_LEVELS = [
  'none',
  'leads-and-reports',
  'leads-only',
  'everything-except-leads',
] as const;

/** What a partner may do in its portal. */
export class PortalAccess {
  @JSONSchema({
    description:
      'none, leads-and-reports (own leads and their reports), leads-only, or everything-except-leads.',
  })
  @IsIn(PORTAL_ACCESS_LEVELS)
  level!: (typeof PORTAL_ACCESS_LEVELS)[number];

  @JSONSchema({
    description: 'The partner must accept a referral before it receives the full lead.',
  })
  @IsBoolean()
  requireReferralAcceptance!: boolean;

  @JSONSchema({ description: 'The partner may update the status of its leads.' })
  @IsBoolean()
  mayUpdateLeadStatus!: boolean;
}
