import { Body, Controller, Inject, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard, RequiresAdmin } from '@leadrail/nest-kit';
import { KnownLeadTypes } from '../lead-types/known-lead-types';
import { PartnerCommands } from '../partner/partner-commands';
import {
  type Change,
  SettingChange,
  type SettingChangeRequest,
  changeSetting,
} from './change-setting';
import { LeadTypesBoughtDto, SelectionPriorityDto } from './lead-buying.dto';

/**
 * What the partner buys and how it ranks among partners. Every change names
 * the revision the operator last read (If-Match); the response carries the new ETag.
 */
@ApiTags('partner lead buying')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: true,
  description: 'The ETag of the partner as last read',
})
@Controller('partners/:id')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class PartnerBuyingController {
  constructor(
    @Inject(PartnerCommands) private readonly commands: PartnerCommands,
    @Inject(KnownLeadTypes) private readonly leadTypes: KnownLeadTypes,
  ) {}

  @Put('lead-types-bought')
  @ApiOperation({
    summary:
      'The lead types the partner buys, each optionally narrowed by postcode areas/districts and answer criteria, with an optional Lead Value; refuses a lead type the leads service has not defined or has deactivated',
  })
  async leadTypesBought(
    @Body() body: LeadTypesBoughtDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    // The decider refuses what the catalogue lacks; here we only look up the types named.
    const catalogue = await this.leadTypes.of(body.leadTypes.map((entry) => entry.leadType));
    return changeSetting(this.commands, change, {
      type: 'SetLeadTypesBought',
      data: { leadTypes: body.leadTypes, catalogue },
    });
  }

  @Put('selection-priority')
  @ApiOperation({ summary: 'Selection priority, 0-100: higher is offered leads first' })
  selectionPriority(
    @Body() body: SelectionPriorityDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetSelectionPriority',
      data: { selectionPriority: body.selectionPriority },
    });
  }
}
