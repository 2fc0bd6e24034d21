import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsText, NestedObject } from '@leadrail/integration-events';
import {
  AreHeaders,
  DEFAULT_DELIVERY_TIMEOUT_SECONDS,
  MAX_DELIVERY_TIMEOUT_SECONDS,
  MIN_DELIVERY_TIMEOUT_SECONDS,
} from '@leadrail/partners-contracts';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { OutcomeRulesDto } from './delivery-outcome.dto';

/** Shapes and types are checked here; the domain then applies its rules and names the field it refuses. */
export class MoneyDto {
  @ApiProperty({ description: 'Integer minor units (pence, cents)', example: 1250 })
  @IsInt()
  @Min(0)
  amount!: number;

  @ApiProperty({ description: 'ISO 4217', example: 'GBP' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like GBP' })
  currency!: string;
}

export class PartnerTypeDto {
  @ApiProperty({ description: 'Buys leads from it (at leadCost)' })
  @IsBoolean()
  introducer!: boolean;

  @ApiProperty({ description: 'Sells leads to it (at leadValue)' })
  @IsBoolean()
  partner!: boolean;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'What LeadRail pays the introducer per lead',
  })
  @IsOptional()
  @NestedObject(() => MoneyDto)
  leadCost?: MoneyDto;

  @ApiPropertyOptional({ type: MoneyDto, description: 'What the partner pays per lead' })
  @IsOptional()
  @NestedObject(() => MoneyDto)
  leadValue?: MoneyDto;
}

export class DeliveryLimitsDto {
  @ApiProperty({ description: 'Leads per day; 0 disables the limit', example: 10 })
  @IsInt()
  @Min(0)
  daily!: number;

  @ApiProperty({ description: 'Leads per month; 0 disables the limit', example: 200 })
  @IsInt()
  @Min(0)
  monthly!: number;
}

export class DayWindowDto {
  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ example: '09:00', description: 'Local time, HH:MM' })
  @IsString()
  from!: string;

  @ApiProperty({
    example: '17:00',
    description: 'Local time, HH:MM; earlier than from = crosses midnight',
  })
  @IsString()
  to!: string;
}

export class WeekDto {
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  mon!: DayWindowDto;
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  tue!: DayWindowDto;
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  wed!: DayWindowDto;
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  thu!: DayWindowDto;
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  fri!: DayWindowDto;
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  sat!: DayWindowDto;
  @ApiProperty({ type: DayWindowDto })
  @NestedObject(() => DayWindowDto)
  sun!: DayWindowDto;
}

export class DeliveryScheduleDto {
  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone the windows are in' })
  @IsString()
  timeZone!: string;

  @ApiProperty({ type: WeekDto })
  @NestedObject(() => WeekDto)
  days!: WeekDto;
}

export class ContactDetailsDto {
  @ApiPropertyOptional({
    example: '+447700900123',
    nullable: true,
    description: 'E.164, for SMS alerts',
  })
  @IsOptional()
  @IsString()
  phone?: string | null;

  @ApiPropertyOptional({ example: 'leads@partner.example', nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({
    example: '+442079460000',
    nullable: true,
    description: 'E.164, for Hot Key Transfers',
  })
  @IsOptional()
  @IsString()
  transferPhone?: string | null;
}

export class TextAlertsDto {
  @ApiProperty({ description: 'SMS when a lead is referred' }) @IsBoolean() onReferral!: boolean;
  @ApiProperty({ description: 'SMS when funds reach the low funds threshold' })
  @IsBoolean()
  onLowFunds!: boolean;
}

export class PaymentModeDto {
  @ApiProperty({ enum: ['pre-pay', 'post-pay'] })
  @IsIn(['pre-pay', 'post-pay'])
  mode!: 'pre-pay' | 'post-pay';

  @ApiPropertyOptional({
    type: MoneyDto,
    description: 'Post-pay only: how far the balance may go below zero',
  })
  @IsOptional()
  @NestedObject(() => MoneyDto)
  creditLimit?: MoneyDto;
}

export class PortalAccessDto {
  @ApiProperty({ enum: ['none', 'leads-and-reports', 'leads-only', 'everything-except-leads'] })
  @IsIn(['none', 'leads-and-reports', 'leads-only', 'everything-except-leads'])
  level!: 'none' | 'leads-and-reports' | 'leads-only' | 'everything-except-leads';

  @ApiProperty() @IsBoolean() requireReferralAcceptance!: boolean;
  @ApiProperty() @IsBoolean() mayUpdateLeadStatus!: boolean;
}

export class InternetDeliveryDto {
  @ApiProperty({ enum: ['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'] })
  @IsIn(['xml', 'json', 'soap-1.1', 'soap-1.2', 'post'])
  method!: 'xml' | 'json' | 'soap-1.1' | 'soap-1.2' | 'post';

  @ApiProperty({ example: 'https://api.partner.example/leads' }) @IsString() url!: string;
  @ApiProperty({ description: 'Body with template variables, see docs/delivery-templates.md' })
  @IsText(65_536)
  bodyTemplate!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @AreHeaders()
  headers?: Record<string, string>;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'http://leads.partner.example/SubmitLead',
    description:
      "soap-1.1 and soap-1.2 only: the operation's action from the partner's WSDL (SOAP 1.1 sends it as SOAPAction, SOAP 1.2 as the Content-Type's action); none: no action",
  })
  @IsOptional()
  @IsString()
  soapAction?: string | null;

  @ApiPropertyOptional({
    minimum: MIN_DELIVERY_TIMEOUT_SECONDS,
    maximum: MAX_DELIVERY_TIMEOUT_SECONDS,
    default: DEFAULT_DELIVERY_TIMEOUT_SECONDS,
    nullable: true,
    description: 'Seconds to wait for the partner to answer one attempt; none: 10',
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_DELIVERY_TIMEOUT_SECONDS)
  @Max(MAX_DELIVERY_TIMEOUT_SECONDS)
  timeoutSeconds?: number | null;

  @ApiPropertyOptional({
    type: OutcomeRulesDto,
    nullable: true,
    description:
      "How the partner's answers tell an accepted lead from a rejected one, and where its reference and rejection reason are (docs/partner-settings.md); none: the default rules",
  })
  @IsOptional()
  @NestedObject(() => OutcomeRulesDto)
  outcome?: OutcomeRulesDto | null;
}

export class DeliveryChannelsDto {
  @ApiProperty({ description: 'Send each lead by email to the contact email' })
  @IsBoolean()
  email!: boolean;

  @ApiPropertyOptional({ type: InternetDeliveryDto, nullable: true })
  @IsOptional()
  @NestedObject(() => InternetDeliveryDto)
  internet?: InternetDeliveryDto | null;
}
