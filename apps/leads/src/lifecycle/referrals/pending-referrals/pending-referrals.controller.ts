import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  RequiresPortalLeads,
} from '@leadrail/portal-session';
import { PendingReferrals } from './pending-referrals';
import { RedactedReferral } from './redacted-referral';

@ApiTags('portal referrals')
@Controller('portal/referrals')
@RequiresPortalLeads()
export class PendingReferralsController {
  constructor(@Inject(PendingReferrals) private readonly referrals: PendingReferrals) {}

  @Get()
  @ApiOperation({
    summary:
      'Leads offered to me and waiting for my answer, soonest to expire first: lead type, area and answers, never the person',
  })
  @ApiOkResponse({ type: [RedactedReferral] })
  list(@CurrentPortalPartner() partner: PortalPartner): Promise<RedactedReferral[]> {
    return this.referrals.of(partner.partnerId);
  }
}
