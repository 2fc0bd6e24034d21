import { Body, Controller, Inject, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { LeadIdParams } from '../lead-id.params';
import { ChangeStatusDto } from './change-status.dto';
import { LeadStatusChanges } from './lead-status-changes';
import { StatusAnswer, statusAnswer } from './status-answer';

/** An operator sets a delivered lead's status (for a partner without portal updates, say). */
@ApiTags('lead lifecycle')
@ApiBearerAuth()
@Controller('leads')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class OperatorStatusController {
  constructor(@Inject(LeadStatusChanges) private readonly statuses: LeadStatusChanges) {}

  @Put(':leadId/status')
  @ApiOperation({ summary: "Set a delivered lead's status from the catalogue" })
  @ApiOkResponse({ type: StatusAnswer })
  async change(
    @Param() { leadId }: LeadIdParams,
    @Body() body: ChangeStatusDto,
    @CurrentOperator() operator: Operator,
  ): Promise<StatusAnswer> {
    const outcome = await this.statuses.change(leadId, body.status, {
      type: 'operator',
      id: operator.id,
    });
    return statusAnswer(leadId, outcome);
  }
}
