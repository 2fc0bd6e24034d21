import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  RequiresPortalLeads,
} from '@leadrail/portal-session';
import { LeadCommands } from '../../lead/lead-commands';
import { LeadSettingsCommands } from '../../settings/lead-settings-commands';
import { LeadIdParams } from '../lead-id.params';
import { ReturnAnswer, returnAnswer } from './return-answer';
import { ReturnReasonDto } from './return-reason.dto';

/**
 * A partner asks to hand back a lead delivered to it, within the return
 * window in force now (`returnWindowDays` after delivery; after it, 409
 * RETURN_WINDOW_CLOSED). An operator then accepts or declines.
 */
@ApiTags('portal leads')
@Controller('portal/leads')
@RequiresPortalLeads()
export class RequestReturnController {
  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(LeadSettingsCommands) private readonly settings: LeadSettingsCommands,
  ) {}

  @Post(':leadId/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask to return a lead delivered to me, saying why' })
  @ApiOkResponse({ type: ReturnAnswer })
  async request(
    @Param() { leadId }: LeadIdParams,
    @Body() body: ReturnReasonDto,
    @CurrentPortalPartner() partner: PortalPartner,
  ): Promise<ReturnAnswer> {
    const { state } = await this.settings.load();
    const outcome = await this.leads.issue(
      'RequestReturn',
      leadId,
      {
        partnerId: partner.partnerId,
        reason: body.reason,
        returnWindowDays: state.returnWindowDays,
      },
      { actor: { type: 'partner', id: partner.partnerId } },
    );
    return returnAnswer(leadId, outcome);
  }
}
