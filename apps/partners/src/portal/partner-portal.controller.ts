import { Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBasicAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerCommands } from '../partner/partner-commands';
import { CurrentPortalPartner, PortalAuthGuard, type PortalPartner } from './portal-auth.guard';

/**
 * What a partner does for itself in its portal. Pausing and resuming touch
 * nothing else (spec, "Pause"); the decider refuses a partner without portal access.
 */
@ApiTags('partner portal')
@ApiBasicAuth()
@Controller('portal')
@UseGuards(PortalAuthGuard)
export class PartnerPortalController {
  constructor(@Inject(PartnerCommands) private readonly commands: PartnerCommands) {}

  @Post('deliveries/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'The partner pauses its own deliveries' })
  async pause(@CurrentPortalPartner() partner: PortalPartner): Promise<{ paused: boolean }> {
    await this.commands.issue(
      'PauseDeliveries',
      partner.partnerId,
      {},
      { actor: asActor(partner) },
    );
    return { paused: true };
  }

  @Post('deliveries/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'The partner resumes its own deliveries' })
  async resume(@CurrentPortalPartner() partner: PortalPartner): Promise<{ paused: boolean }> {
    await this.commands.issue(
      'ResumeDeliveries',
      partner.partnerId,
      {},
      { actor: asActor(partner) },
    );
    return { paused: false };
  }
}

function asActor(partner: PortalPartner): { type: 'partner'; id: string } {
  return { type: 'partner', id: partner.partnerId };
}
