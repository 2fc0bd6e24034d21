import {
  Controller,
  ForbiddenException,
  HttpCode,
  Inject,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBasicAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type EventStore } from '@leadrail/event-store';
import { EVENT_STORE, EventStoreErrorsFilter } from '@leadrail/nest-kit';
import type { PartnerCommand } from '@leadrail/partners-domain';
import { loadPartner } from '../commands/load-partner';
import { PartnerCommandHandler } from '../commands/partner-command-handler';
import { PartnerErrorsFilter } from '../http/partner-errors.filter';
import { CurrentPortalPartner, PortalAuthGuard, type PortalPartner } from './portal-auth.guard';

/**
 * What a partner does for itself in its portal. Pausing and resuming touch
 * nothing else (spec, "Pause"); a partner without portal access cannot.
 */
@ApiTags('partner portal')
@ApiBasicAuth()
@Controller('portal')
@UseGuards(PortalAuthGuard)
@UseFilters(PartnerErrorsFilter, EventStoreErrorsFilter)
export class PartnerPortalController {
  constructor(
    @Inject(PartnerCommandHandler) private readonly commands: PartnerCommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post('deliveries/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'The partner pauses its own deliveries' })
  pause(@CurrentPortalPartner() partner: PortalPartner): Promise<{ paused: boolean }> {
    return this.act(partner, 'PauseDeliveries').then(() => ({ paused: true }));
  }

  @Post('deliveries/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'The partner resumes its own deliveries' })
  resume(@CurrentPortalPartner() partner: PortalPartner): Promise<{ paused: boolean }> {
    return this.act(partner, 'ResumeDeliveries').then(() => ({ paused: false }));
  }

  private async act(
    partner: PortalPartner,
    type: 'PauseDeliveries' | 'ResumeDeliveries',
  ): Promise<void> {
    const { state } = await loadPartner(this.store, partner.partnerId);
    if (state.status !== 'unregistered' && state.settings.portalAccess.level === 'none') {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: 'this partner has no portal access',
      });
    }
    const command = {
      type,
      data: { partnerId: partner.partnerId },
      metadata: {
        actor: { type: 'partner', id: partner.partnerId },
        occurredAt: new Date().toISOString(),
      },
    } as PartnerCommand;
    await this.commands.execute(command, {});
  }
}
