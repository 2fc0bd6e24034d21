import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
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
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'GBP', description: 'All of the partner’s money is in this currency' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like GBP' })
  currency!: string;

  @ApiProperty({ type: PartnerTypeDto })
  @ValidateNested()
  @Type(() => PartnerTypeDto)
  partnerType!: PartnerTypeDto;

  @ApiPropertyOptional({ type: PortalAccessDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortalAccessDto)
  portalAccess?: PortalAccessDto;
  @ApiPropertyOptional({ type: PaymentModeDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentModeDto)
  payment?: PaymentModeDto;

  @ApiPropertyOptional({ enum: ['delivery', 'acceptance', 'qualification', 'conversion'] })
  @IsOptional()
  @IsIn(['delivery', 'acceptance', 'qualification', 'conversion'])
  billingPoint?: 'delivery' | 'acceptance' | 'qualification' | 'conversion';

  @ApiPropertyOptional({ type: DeliveryChannelsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryChannelsDto)
  delivery?: DeliveryChannelsDto;
  @ApiPropertyOptional({ type: DeliveryLimitsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryLimitsDto)
  limits?: DeliveryLimitsDto;
  @ApiPropertyOptional({ type: DeliveryScheduleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryScheduleDto)
  schedule?: DeliveryScheduleDto;
  @ApiPropertyOptional({ type: ContactDetailsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDetailsDto)
  contact?: ContactDetailsDto;
  @ApiPropertyOptional({ type: TextAlertsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TextAlertsDto)
  textAlerts?: TextAlertsDto;
  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  lowFundsThreshold?: MoneyDto;
}

export class ReasonDto {
  @ApiProperty({ example: 'Contract ended' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
