import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { LeadCommands } from '../../../lead/lead-commands';
import { LeadChangeAnswer, leadChangeAnswer } from '../../lead-change-answer';
import { LeadIdParams } from '../../lead-id.params';
import { PartnerChoiceDto } from '../partner-choice.dto';
import { RoutablePartners } from '../routable-partners';

@ApiTags('lead lifecycle')
@ApiBearerAuth()
@Controller('leads')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class AllocateLeadController {
  constructor(
    @Inject(LeadCommands) private readonly leads: LeadCommands,
    @Inject(RoutablePartners) private readonly partners: RoutablePartners,
  ) {}

  @Post(':leadId/allocation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Allocate a lead waiting for routing to a partner, without a referral',
  })
  @ApiOkResponse({ type: LeadChangeAnswer })
  async allocate(
    @Param() { leadId }: LeadIdParams,
    @Body() body: PartnerChoiceDto,
    @CurrentOperator() operator: Operator,
  ): Promise<LeadChangeAnswer> {
    const partnerId = await this.partners.routable(body.partnerId);
    await this.partners.assertTakesLeadsWithoutReferral(partnerId);
    const outcome = await this.leads.issue(
      'AllocateLead',
      leadId,
      { partnerId },
      { actor: { type: 'operator', id: operator.id } },
    );
    return leadChangeAnswer(leadId, outcome);
  }
}
