import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard } from '@leadrail/nest-kit';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { type LoggedAttempt, DeliveryAttemptsQuery } from './delivery-attempts.query';

export class LeadIdParams {
  @IsUUID()
  leadId!: string;
}

export class PartnerIdParams {
  @IsUUID()
  partnerId!: string;
}

export class AttemptsPageQuery {
  /** Attempts per page, 1 to 200 (50). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  /** The `next` of the previous page: attempts started before it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  before?: string;
}

/** The attempt log: what was sent to a partner and what came back, per attempt (operators). */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
@UseGuards(OperatorAuthGuard)
export class DeliveryAttemptsController {
  constructor(@Inject(DeliveryAttemptsQuery) private readonly query: DeliveryAttemptsQuery) {}

  @Get('leads/:leadId/attempts')
  @ApiOperation({ summary: 'Every attempt to deliver a lead: request, response, outcome, timing' })
  ofLead(
    @Param() { leadId }: LeadIdParams,
  ): Promise<{ leadId: string; attempts: LoggedAttempt[] }> {
    return this.query.ofLead(leadId);
  }

  @Get('partners/:partnerId/attempts')
  @ApiOperation({ summary: "A partner's delivery attempts, newest first, paginated" })
  ofPartner(
    @Param() { partnerId }: PartnerIdParams,
    @Query() page: AttemptsPageQuery,
  ): Promise<{ partnerId: string; attempts: LoggedAttempt[]; next: string | null }> {
    return this.query.ofPartner(partnerId, {
      limit: page.limit ?? 50,
      ...(page.before === undefined ? {} : { before: page.before }),
    });
  }
}
