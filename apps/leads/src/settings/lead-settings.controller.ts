import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LeadSettings, LeadSettingsCommand } from '@leadrail/leads-domain';
import {
  OperatorAuthGuard,
  type Operator,
  RequiresAdmin,
  etagOf,
  revisionFromIfMatch,
} from '@leadrail/nest-kit';
import type { Response } from 'express';
import { LeadSettingsCommands } from './lead-settings-commands';
import {
  ChangeLeadTypeDto,
  DefineLeadTypeDto,
  DuplicateRulesDto,
  ReferralTimeoutDto,
  ReturnWindowDto,
  StatusCatalogueDto,
} from './lead-settings.dto';

/** What a settings change answers: the new revision (also the ETag), whether anything changed, the settings now. */
interface SettingsChange {
  revision: number;
  changed: boolean;
  settings: LeadSettings;
}

/**
 * The operators' lead settings: lead types, de-duplication rules, the status
 * catalogue, the referral timeout and the return window. Reads carry an ETag;
 * a change may send If-Match to refuse overwriting someone else's change.
 */
@ApiTags('lead settings')
@ApiBearerAuth()
@Controller()
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class LeadSettingsController {
  constructor(@Inject(LeadSettingsCommands) private readonly commands: LeadSettingsCommands) {}

  @Get('lead-settings')
  @ApiOperation({ summary: 'Every lead setting, with its ETag' })
  async read(@Res({ passthrough: true }) response: Response): Promise<LeadSettings> {
    const { state, revision } = await this.commands.load();
    if (revision !== undefined) {
      response.setHeader('ETag', etagOf(revision));
    }
    return state;
  }

  @Get('lead-types')
  @ApiOperation({ summary: 'The lead types intake accepts (active) or refuses (inactive)' })
  async leadTypes(): Promise<LeadSettings['leadTypes']> {
    return (await this.commands.load()).state.leadTypes;
  }

  @Post('lead-types')
  @ApiOperation({
    summary: 'Add a lead type (active), with its routing method (round-robin unless given)',
  })
  define(
    @Body() body: DefineLeadTypeDto,
    @Req() request: OperatorRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SettingsChange> {
    return this.change(request, response, {
      type: 'DefineLeadType',
      data: {
        slug: body.slug,
        name: body.name,
        ...(body.routingMethod === undefined ? {} : { routingMethod: body.routingMethod }),
      },
    });
  }

  @Patch('lead-types/:slug')
  @ApiOperation({
    summary: 'Rename a lead type, stop and resume accepting it, or change its routing method',
  })
  changeType(
    @Param('slug') slug: string,
    @Body() body: ChangeLeadTypeDto,
    @Req() request: OperatorRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SettingsChange> {
    return this.change(request, response, {
      type: 'ChangeLeadType',
      data: {
        slug,
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.active === undefined ? {} : { active: body.active }),
        ...(body.routingMethod === undefined ? {} : { routingMethod: body.routingMethod }),
      },
    });
  }

  @Put('lead-settings/duplicate-rules')
  @ApiOperation({ summary: 'The de-duplication rules, in the order they are tried' })
  @ApiHeader({ name: 'If-Match', required: false })
  duplicateRules(
    @Body() body: DuplicateRulesDto,
    @Req() request: OperatorRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SettingsChange> {
    const rules = body.rules.map((rule) => ({
      id: rule.id,
      keys: rule.keys,
      scope: rule.scope,
      window:
        rule.window.type === 'days'
          ? { type: 'days' as const, days: rule.window.days ?? 0 }
          : { type: 'all-time' as const },
      action: rule.action,
    }));
    return this.change(request, response, { type: 'SetDuplicateRules', data: { rules } });
  }

  @Put('lead-settings/statuses')
  @ApiOperation({
    summary: 'The statuses partners may give leads, and the billing point each stands for',
  })
  statuses(
    @Body() body: StatusCatalogueDto,
    @Req() request: OperatorRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SettingsChange> {
    return this.change(request, response, {
      type: 'SetStatusCatalogue',
      data: { statuses: body.statuses },
    });
  }

  @Put('lead-settings/referral-timeout')
  @ApiOperation({ summary: 'How long a partner has to accept a referral' })
  referralTimeout(
    @Body() body: ReferralTimeoutDto,
    @Req() request: OperatorRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SettingsChange> {
    return this.change(request, response, {
      type: 'SetReferralTimeout',
      data: { minutes: body.minutes },
    });
  }

  @Put('lead-settings/return-window')
  @ApiOperation({ summary: 'How many days after delivery a lead may be returned' })
  returnWindow(
    @Body() body: ReturnWindowDto,
    @Req() request: OperatorRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SettingsChange> {
    return this.change(request, response, { type: 'SetReturnWindow', data: { days: body.days } });
  }

  private async change(
    request: OperatorRequest,
    response: Response,
    command: Pick<LeadSettingsCommand, 'type' | 'data'>,
  ): Promise<SettingsChange> {
    const ifMatch = request.headers['if-match'];
    const expectedRevision = ifMatch === undefined ? undefined : revisionFromIfMatch(ifMatch);
    const outcome = await this.commands.issue(command.type, command.data, {
      actor: { type: 'operator', id: request.operator.id },
      expectedRevision,
    });
    response.setHeader('ETag', etagOf(outcome.revision));
    if (command.type === 'DefineLeadType' && outcome.events.length > 0) {
      response.status(201);
    } else {
      response.status(200);
    }
    return {
      revision: Number(outcome.revision),
      changed: outcome.events.length > 0,
      settings: outcome.settings,
    };
  }
}

interface OperatorRequest {
  headers: Record<string, string | undefined>;
  operator: Operator;
}
