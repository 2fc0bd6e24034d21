import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { PartnerView } from '../../partner-view/partner-view';

/**
 * The partners a lead may be routed to by hand: known to this service,
 * buying leads (type partner or both) and active. The lead aggregate knows
 * nothing of partners, so an operator's typo would otherwise park a lead with
 * a partner that will never answer.
 */
@Injectable()
export class RoutablePartners {
  constructor(@Inject(PartnerView) private readonly partners: PartnerView) {}

  /** The partner's id as lead events record it (lower case, as the partners service mints it), or a 400. */
  async routable(partnerId: string): Promise<string> {
    const standing = await this.partners.introducer(partnerId);
    const problem =
      standing === null
        ? `no partner ${partnerId} is known to the leads service`
        : standing.type === 'introducer'
          ? `partner ${partnerId} only introduces leads; it does not buy them`
          : !standing.active
            ? `partner ${partnerId} is deactivated`
            : null;
    if (problem !== null) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'the request is invalid',
        errors: [{ field: 'partnerId', messages: [problem] }],
      });
    }
    return partnerId.toLowerCase();
  }

  /**
   * A partner whose settings require it to accept referrals first must see a
   * redacted referral before the full lead: allocating to it directly would
   * hand it the contact it never agreed to take. 409: refer the lead instead.
   */
  async assertTakesLeadsWithoutReferral(partnerId: string): Promise<void> {
    const access = await this.partners.portalAccess(partnerId);
    if (access?.requireReferralAcceptance === true) {
      throw new ConflictException({
        statusCode: 409,
        error: 'REFERRAL_ACCEPTANCE_REQUIRED',
        message: `partner ${partnerId} accepts referrals before it receives a lead: refer the lead (POST /leads/{leadId}/referral) instead`,
      });
    }
  }
}
