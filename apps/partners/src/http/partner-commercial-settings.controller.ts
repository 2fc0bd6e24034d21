import {
  Body,
  Controller,
  Headers,
  Inject,
  Param,
  ParseUUIDPipe,
  Put,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  CurrentOperator,
  EventStoreErrorsFilter,
  type Operator,
  OperatorAuthGuard,
  RequiresAdmin,
} from '@leadrail/nest-kit';
import type { Response } from 'express';
import { PartnerCommandHandler } from '../commands/partner-command-handler';
import { type Change, changeSetting } from './change-setting';
import { PartnerErrorsFilter } from './partner-errors.filter';
import { IsIn, IsString, Length } from 'class-validator';
import { MoneyDto, PartnerTypeDto, PaymentModeDto, PortalAccessDto } from './settings.dto';

class NameDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
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
@UseFilters(PartnerErrorsFilter, EventStoreErrorsFilter)
export class PartnerCommercialSettingsController {
  constructor(@Inject(PartnerCommandHandler) private readonly commands: PartnerCommandHandler) {}

  @Put('name')
  @ApiOperation({ summary: 'Rename' })
  rename(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: NameDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'RenamePartner',
        data: { name: body.name },
      },
    );
  }

  @Put('type')
  @ApiOperation({ summary: 'Introducer, partner or both, with Lead Cost and Lead Value' })
  type(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PartnerTypeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'ChangePartnerType',
        data: { partnerType: body },
      },
    );
  }

  @Put('lead-cost')
  @ApiOperation({ summary: 'The price paid to an introducer per lead' })
  leadCost(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoneyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'SetLeadCost',
        data: { leadCost: body },
      },
    );
  }

  @Put('lead-value')
  @ApiOperation({ summary: 'The price a partner pays per lead' })
  leadValue(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: MoneyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'SetLeadValue',
        data: { leadValue: body },
      },
    );
  }

  @Put('portal-access')
  @ApiOperation({ summary: 'Portal access level, referral acceptance, lead status updates' })
  portalAccess(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PortalAccessDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'SetPortalAccess',
        data: { portalAccess: body },
      },
    );
  }

  @Put('payment-mode')
  @ApiOperation({ summary: 'Pre-pay, or post-pay with a credit limit' })
  paymentMode(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PaymentModeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'SetPaymentMode',
        data: { payment: body },
      },
    );
  }

  @Put('billing-point')
  @ApiOperation({
    summary: 'When the partner is charged: delivery, acceptance, qualification or conversion',
  })
  billingPoint(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BillingPointDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentOperator() operator: Operator,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Change> {
    return changeSetting(
      this.commands,
      { id, ifMatch, operator, response },
      {
        type: 'SetBillingPoint',
        data: { billingPoint: body.billingPoint },
      },
    );
  }
}
