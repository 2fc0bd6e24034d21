import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { LeadCommands } from '../../lead/lead-commands';
import { LeadIdParams } from '../lead-id.params';
import { ReturnAnswer, returnAnswer } from './return-answer';
import { ReturnReasonDto } from './return-reason.dto';

/**
 * An operator decides a partner's return. An accepted return is the
 * `ReturnAccepted` event billing reverses the lead's charges from.
 */
@ApiTags('lead lifecycle')
@ApiBearerAuth()
@Controller('leads')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class DecideReturnController {
  constructor(@Inject(LeadCommands) private readonly leads: LeadCommands) {}

  @Post(':leadId/return/accept')
  @HttpCode(200)
  @ApiOperation({ summary: "Accept a partner's return: the lead is returned" })
  @ApiOkResponse({ type: ReturnAnswer })
  async accept(
    @Param() { leadId }: LeadIdParams,
    @CurrentOperator() operator: Operator,
  ): Promise<ReturnAnswer> {
    const outcome = await this.leads.issue(
      'AcceptReturn',
      leadId,
      {},
      { actor: { type: 'operator', id: operator.id } },
    );
    return returnAnswer(leadId, outcome);
  }

  @Post(':leadId/return/decline')
  @HttpCode(200)
  @ApiOperation({ summary: "Decline a partner's return, saying why" })
  @ApiOkResponse({ type: ReturnAnswer })
  async decline(
    @Param() { leadId }: LeadIdParams,
    @Body() body: ReturnReasonDto,
    @CurrentOperator() operator: Operator,
  ): Promise<ReturnAnswer> {
    const outcome = await this.leads.issue(
      'DeclineReturn',
      leadId,
      { reason: body.reason },
      { actor: { type: 'operator', id: operator.id } },
    );
    return returnAnswer(leadId, outcome);
  }
}
