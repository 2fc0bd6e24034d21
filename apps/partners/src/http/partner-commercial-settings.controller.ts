import { Body, Controller, Inject, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { OperatorAuthGuard, RequiresAdmin } from '@leadrail/nest-kit';
import { PartnerCommands } from '../partner/partner-commands';
import {
  type Change,
  SettingChange,
  type SettingChangeRequest,
  changeSetting,
} from './change-setting';
import { IsText } from '@leadrail/integration-events';
import { IsIn } from 'class-validator';
import { MoneyDto, PartnerTypeDto, PaymentModeDto, PortalAccessDto } from './settings.dto';

class NameDto {
  @ApiProperty() @IsText(200) name!: string;
}

class BillingPointDto {
  @ApiProperty({ enum: ['delivery', 'acceptance', 'qualification', 'conversion'] })
  @IsIn(['delivery', 'acceptance', 'qualification', 'conversion'])
  billingPoint!: 'delivery' | 'acceptance' | 'qualification' | 'conversion';
}

/**
 * Who the partner is and what it pays or is paid: name, type and prices,
 * portal access, payment mode and billing point. Every change names the
 * revision the operator last read (If-Match); the response carries the new ETag.
 */
@ApiTags('partner settings')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: true,
  description: 'The ETag of the partner as last read',
})
@Controller('partners/:id')
@UseGuards(OperatorAuthGuard)
@RequiresAdmin()
export class PartnerCommercialSettingsController {
  constructor(@Inject(PartnerCommands) private readonly commands: PartnerCommands) {}

  @Put('name')
  @ApiOperation({ summary: 'Rename' })
  rename(@Body() body: NameDto, @SettingChange() change: SettingChangeRequest): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'RenamePartner',
      data: { name: body.name },
    });
  }

  @Put('type')
  @ApiOperation({ summary: 'Introducer, partner or both, with Lead Cost and Lead Value' })
  type(
    @Body() body: PartnerTypeDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'ChangePartnerType',
      data: { partnerType: body },
    });
  }

  @Put('lead-cost')
  @ApiOperation({ summary: 'The price paid to an introducer per lead' })
  leadCost(@Body() body: MoneyDto, @SettingChange() change: SettingChangeRequest): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetLeadCost',
      data: { leadCost: body },
    });
  }

  @Put('lead-value')
  @ApiOperation({ summary: 'The price a partner pays per lead' })
  leadValue(
    @Body() body: MoneyDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetLeadValue',
      data: { leadValue: body },
    });
  }

  @Put('portal-access')
  @ApiOperation({ summary: 'Portal access level, referral acceptance, lead status updates' })
  portalAccess(
    @Body() body: PortalAccessDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetPortalAccess',
      data: { portalAccess: body },
    });
  }

  @Put('payment-mode')
  @ApiOperation({ summary: 'Pre-pay, or post-pay with a credit limit' })
  paymentMode(
    @Body() body: PaymentModeDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetPaymentMode',
      data: { payment: body },
    });
  }

  @Put('billing-point')
  @ApiOperation({
    summary: 'When the partner is charged: delivery, acceptance, qualification or conversion',
  })
  billingPoint(
    @Body() body: BillingPointDto,
    @SettingChange() change: SettingChangeRequest,
  ): Promise<Change> {
    return changeSetting(this.commands, change, {
      type: 'SetBillingPoint',
      data: { billingPoint: body.billingPoint },
    });
  }
}
