import { Body, Controller, ForbiddenException, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  RequiresPortalLeads,
} from '@leadrail/portal-session';
import { LeadIdParams } from '../lead-id.params';
import { ChangeStatusDto } from './change-status.dto';
import { LeadStatusChanges } from './lead-status-changes';
import { StatusAnswer, statusAnswer } from './status-answer';

/**
 * A partner reports the status of a lead delivered to it, where the operator
 * allows it (`mayUpdateLeadStatus`, read on this request, not at sign-in).
 * The partner's own id is the actor the event records.
 */
@ApiTags('portal leads')
@Controller('portal/leads')
@RequiresPortalLeads()
export class PortalStatusController {
  constructor(@Inject(LeadStatusChanges) private readonly statuses: LeadStatusChanges) {}

  @Put(':leadId/status')
  @ApiOperation({ summary: 'Set the status of a lead delivered to me (when the operator allows)' })
  @ApiOkResponse({ type: StatusAnswer })
  async change(
    @Param() { leadId }: LeadIdParams,
    @Body() body: ChangeStatusDto,
    @CurrentPortalPartner() partner: PortalPartner,
  ): Promise<StatusAnswer> {
    // Asked before the lead is looked at: the refusal says nothing about the lead.
    if (partner.access?.mayUpdateLeadStatus !== true) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message:
          'this partner may not update lead statuses; the operator allows it in the portal access settings (mayUpdateLeadStatus)',
      });
    }
    const outcome = await this.statuses.change(leadId, body.status, {
      type: 'partner',
      id: partner.partnerId,
    });
    return statusAnswer(leadId, outcome);
  }
}
