import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { LeadIdParams } from '../../http/billing-params';
import { type ReversalOutcome, type ReversalSide, Reversals } from '../../reversals/reversals';

export class ReversalDto {
  @ApiProperty({ description: 'The partner charged for the lead' })
  @IsUUID()
  partnerId!: string;

  @ApiProperty({
    enum: ['both', 'partner', 'introducer'],
    description: "both: the partner's charge and what the introducer is owed; or one side only",
  })
  @IsIn(['both', 'partner', 'introducer'])
  side!: ReversalSide;

  @ApiProperty({ description: 'Why: kept in the log and shown on statements' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must say why' })
  reason!: string;
}

/** An operator's reversal of what a lead moved: each side at most once. */
@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing/leads')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class ReversalController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Reversals) private readonly reversals: Reversals,
  ) {}

  @Post(':leadId/reversal')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Give back a lead's charge to its partner, what its introducer is owed, or both (each once)",
  })
  reverse(
    @Param() { leadId }: LeadIdParams,
    @Body() body: ReversalDto,
    @CurrentOperator() operator: Operator,
  ): Promise<ReversalOutcome> {
    const actor = { type: 'operator' as const, id: operator.id };
    const id = randomUUID();
    return this.reversals.reverse(
      this.dataSource.manager,
      { leadId, partnerId: body.partnerId, side: body.side, reason: body.reason, actor },
      { eventId: id, correlationId: id, actor },
    );
  }
}
