import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  RequiresPortalLeads,
} from '@leadrail/portal-session';
import { LeadCommands } from '../../../lead/lead-commands';
import { LeadChangeAnswer, leadChangeAnswer } from '../../lead-change-answer';
import { LeadIdParams } from '../../lead-id.params';
import { DeclineReferralDto } from './decline-referral.dto';

/**
 * A partner's answer to a lead offered to it. The partner acts only for
 * itself: a lead never offered to it is a 404, exactly like a lead that does
 * not exist (the lead aggregate refuses both alike). Accepting allocates the
 * lead to it; delivery follows from the published ReferralAccepted.
 */
@ApiTags('portal referrals')
@Controller('portal/referrals')
@RequiresPortalLeads()
export class AnswerReferralController {
  constructor(@Inject(LeadCommands) private readonly leads: LeadCommands) {}

  @Post(':leadId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a lead offered to me: the full lead is then delivered to me' })
  @ApiOkResponse({ type: LeadChangeAnswer })
  async accept(
    @Param() { leadId }: LeadIdParams,
    @CurrentPortalPartner() partner: PortalPartner,
  ): Promise<LeadChangeAnswer> {
    const outcome = await this.leads.issue(
      'AcceptReferral',
      leadId,
      { partnerId: partner.partnerId },
      { actor: { type: 'partner', id: partner.partnerId } },
    );
    return leadChangeAnswer(leadId, outcome);
  }

  @Post(':leadId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a lead offered to me: it goes back to routing' })
  @ApiOkResponse({ type: LeadChangeAnswer })
  async decline(
    @Param() { leadId }: LeadIdParams,
    @Body() body: DeclineReferralDto,
    @CurrentPortalPartner() partner: PortalPartner,
  ): Promise<LeadChangeAnswer> {
    const outcome = await this.leads.issue(
      'DeclineReferral',
      leadId,
      {
        partnerId: partner.partnerId,
        ...(body.reason === undefined ? {} : { reason: body.reason }),
      },
      { actor: { type: 'partner', id: partner.partnerId } },
    );
    return leadChangeAnswer(leadId, outcome);
  }
}
