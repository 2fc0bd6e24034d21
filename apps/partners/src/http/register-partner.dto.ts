import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsText, NestedObject } from '@leadrail/integration-events';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  ContactDetailsDto,
  DeliveryChannelsDto,
  DeliveryLimitsDto,
  DeliveryScheduleDto,
  MoneyDto,
  PartnerTypeDto,
  PaymentModeDto,
  PortalAccessDto,
  TextAlertsDto,
} from './settings.dto';

/** A new partner: name, currency and type are required; every other setting has a documented default. */
export class RegisterPartnerDto {
  @ApiProperty({ example: 'Acme Mortgages Ltd' })
  @IsText(200)
  name!: string;

  @ApiProperty({ example: 'GBP', description: 'All of the partner’s money is in this currency' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like GBP' })
  currency!: string;

  @ApiProperty({ type: PartnerTypeDto })
  @NestedObject(() => PartnerTypeDto)
  partnerType!: PartnerTypeDto;

  @ApiPropertyOptional({ type: PortalAccessDto })
  @IsOptional()
  @NestedObject(() => PortalAccessDto)
  portalAccess?: PortalAccessDto;
  @ApiPropertyOptional({ type: PaymentModeDto })
  @IsOptional()
  @NestedObject(() => PaymentModeDto)
  payment?: PaymentModeDto;

  @ApiPropertyOptional({ enum: ['delivery', 'acceptance', 'qualification', 'conversion'] })
  @IsOptional()
  @IsIn(['delivery', 'acceptance', 'qualification', 'conversion'])
  billingPoint?: 'delivery' | 'acceptance' | 'qualification' | 'conversion';

  @ApiPropertyOptional({ type: DeliveryChannelsDto })
  @IsOptional()
  @NestedObject(() => DeliveryChannelsDto)
  delivery?: DeliveryChannelsDto;
  @ApiPropertyOptional({ type: DeliveryLimitsDto })
  @IsOptional()
  @NestedObject(() => DeliveryLimitsDto)
  limits?: DeliveryLimitsDto;
  @ApiPropertyOptional({ type: DeliveryScheduleDto })
  @IsOptional()
  @NestedObject(() => DeliveryScheduleDto)
  schedule?: DeliveryScheduleDto;
  @ApiPropertyOptional({ type: ContactDetailsDto })
  @IsOptional()
  @NestedObject(() => ContactDetailsDto)
  contact?: ContactDetailsDto;
  @ApiPropertyOptional({ type: TextAlertsDto })
  @IsOptional()
  @NestedObject(() => TextAlertsDto)
  textAlerts?: TextAlertsDto;
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @NestedObject(() => MoneyDto)
  lowFundsThreshold?: MoneyDto;
}

export class ReasonDto {
  @ApiProperty({ example: 'Contract ended' })
  @IsText(500)
  reason!: string;
}
