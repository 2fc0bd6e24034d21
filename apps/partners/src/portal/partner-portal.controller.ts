import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  PortalAccessRequired,
  type PortalPartner,
} from '@leadrail/portal-session';
import { PartnerCommands } from '../partner/partner-commands';

/**
 * What a partner does for itself in its portal, signed in with a session
 * token. Pausing and resuming touch nothing else (spec, "Pause") and are open
 * at every access level but none; the decider refuses a partner without portal access too.
 */
@ApiTags('partner portal')
@Controller('portal')
@PortalAccessRequired()
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
