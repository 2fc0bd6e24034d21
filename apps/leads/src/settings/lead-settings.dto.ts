import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsText, NestedObject, Optional } from '@leadrail/integration-events';
import { LEAD_TYPE_ROUTING_METHODS, type LeadTypeRoutingMethod } from '@leadrail/leads-contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = '$property must be a lower-case slug, e.g. home-insurance';
const ROUTING_METHOD_MESSAGE = `$property must be one of ${LEAD_TYPE_ROUTING_METHODS.join(', ')}`;
const ROUTING_METHOD_DESCRIPTION =
  "How routing chooses among eligible partners of equal selection priority: round-robin takes them in turn, weighted draws one per lead in proportion to each partner's weight for this type (partners' lead types bought).";

export class DefineLeadTypeDto {
  @ApiProperty({ example: 'home-insurance' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @IsText(50)
  slug!: string;

  @ApiProperty({ example: 'Home insurance' })
  @IsText(100)
  name!: string;

  @ApiPropertyOptional({
    enum: LEAD_TYPE_ROUTING_METHODS,
    default: 'round-robin',
    description: ROUTING_METHOD_DESCRIPTION,
  })
  // Absent means round-robin; null is refused like any other wrong value.
  @Optional()
  @IsIn(LEAD_TYPE_ROUTING_METHODS, { message: ROUTING_METHOD_MESSAGE })
  routingMethod?: LeadTypeRoutingMethod;
}

export class ChangeLeadTypeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsText(100)
  name?: string;

  @ApiPropertyOptional({
    description: 'false: leads of this type are rejected (UNKNOWN_LEAD_TYPE)',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: LEAD_TYPE_ROUTING_METHODS,
    description: `${ROUTING_METHOD_DESCRIPTION} Absent: unchanged.`,
  })
  @Optional()
  @IsIn(LEAD_TYPE_ROUTING_METHODS, { message: ROUTING_METHOD_MESSAGE })
  routingMethod?: LeadTypeRoutingMethod;
}

export class DuplicateWindowDto {
  @ApiProperty({ enum: ['all-time', 'days'] })
  @IsIn(['all-time', 'days'])
  type!: 'all-time' | 'days';

  @ApiPropertyOptional({ description: 'With type days: how many days back (1-3650).' })
  @ValidateIf((window: DuplicateWindowDto) => window.type === 'days')
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

export class DuplicateRuleDto {
  @ApiProperty({ example: 'same-email-30-days' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, {
    message: '$property must be 1-128 letters, digits, ".", "_", ":" or "-"',
  })
  id!: string;

  @ApiProperty({ enum: ['email', 'phone', 'name-postcode', 'external-reference'], isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(['email', 'phone', 'name-postcode', 'external-reference'], { each: true })
  keys!: ('email' | 'phone' | 'name-postcode' | 'external-reference')[];

  @ApiProperty({ enum: ['all-introducers', 'per-introducer'] })
  @IsIn(['all-introducers', 'per-introducer'])
  scope!: 'all-introducers' | 'per-introducer';

  @ApiProperty({ type: DuplicateWindowDto })
  // An object, not merely nested: ValidateNested alone lets a missing window or an array through.
  @NestedObject(() => DuplicateWindowDto)
  window!: DuplicateWindowDto;

  @ApiProperty({ enum: ['reject', 'accept-and-link'] })
  @IsIn(['reject', 'accept-and-link'])
  action!: 'reject' | 'accept-and-link';
}

export class DuplicateRulesDto {
  @ApiProperty({
    type: [DuplicateRuleDto],
    description: 'Tried in this order; the first match decides.',
  })
  @ArrayMaxSize(20)
  @NestedObject(() => DuplicateRuleDto, { each: true })
  rules!: DuplicateRuleDto[];
}

export class StatusDefinitionDto {
  @ApiProperty({ example: 'contacted' })
  @Matches(SLUG, { message: SLUG_MESSAGE })
  @IsText(50)
  status!: string;

  @ApiProperty({ enum: ['accepted', 'qualified', 'converted'], nullable: true })
  @ValidateIf((definition: StatusDefinitionDto) => definition.billingPoint !== null)
  @IsIn(['accepted', 'qualified', 'converted'])
  billingPoint!: 'accepted' | 'qualified' | 'converted' | null;
}

export class StatusCatalogueDto {
  @ApiProperty({ type: [StatusDefinitionDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @NestedObject(() => StatusDefinitionDto, { each: true })
  statuses!: StatusDefinitionDto[];
}

export class ReferralTimeoutDto {
  @ApiProperty({ description: 'Minutes a partner has to accept a referral (1-20160).' })
  @IsInt()
  @Min(1)
  @Max(20160)
  minutes!: number;
}

export class ReturnWindowDto {
  @ApiProperty({
    description: 'Days after delivery a partner may ask to return a lead (0: no returns).',
  })
  @IsInt()
  @Min(0)
  @Max(365)
  days!: number;
}
