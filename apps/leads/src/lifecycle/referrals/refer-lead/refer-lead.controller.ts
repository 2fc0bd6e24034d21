import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import { leadChangeAnswer } from '../../lead-change-answer';
import { LeadIdParams } from '../../lead-id.params';
import { PartnerChoiceDto } from '../partner-choice.dto';
import { RoutablePartners } from '../routable-partners';
import { ManualReferrals } from './manual-referrals';
import { ReferralAnswer } from './referral-answer';

@ApiTags('lead lifecycle')
@ApiBearerAuth()
@Controller('leads')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class ReferLeadController {
  constructor(
    @Inject(ManualReferrals) private readonly referrals: ManualReferrals,
    @Inject(RoutablePartners) private readonly partners: RoutablePartners,
  ) {}

  @Post(':leadId/referral')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Offer a lead waiting for routing to a partner, which must accept it within the referral timeout',
  })
  @ApiOkResponse({ type: ReferralAnswer })
  async refer(
    @Param() { leadId }: LeadIdParams,
    @Body() body: PartnerChoiceDto,
    @CurrentOperator() operator: Operator,
  ): Promise<ReferralAnswer> {
    const partnerId = await this.partners.routable(body.partnerId);
    const outcome = await this.referrals.refer(leadId, partnerId, {
      type: 'operator',
      id: operator.id,
    });
    const state = outcome.state;
    return {
      ...leadChangeAnswer(leadId, outcome),
      expiresAt: state.stage === 'referred' ? state.referral.expiresAt : null,
    };
  }
}
