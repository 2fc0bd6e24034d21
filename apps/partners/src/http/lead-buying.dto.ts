import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NestedObject, Optional } from '@leadrail/integration-events';
import {
  CRITERION_OPERATORS,
  type CriterionOperator,
  type CriterionScalar,
  IsCriterionValue,
  MAX_LEAD_TYPE_WEIGHT,
  MIN_LEAD_TYPE_WEIGHT,
} from '@leadrail/partners-contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import { MoneyDto } from './settings.dto';

const SCALAR = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

/** Shapes and types here; the domain checks slugs, postcodes, answer keys and the catalogue. */
export class LeadCriterionDto {
  @ApiProperty({
    example: 'property_value',
    description: "The answer's key in the lead's answers, lower_snake_case",
  })
  @IsString()
  field!: string;

  @ApiProperty({ enum: CRITERION_OPERATORS })
  @IsIn(CRITERION_OPERATORS)
  operator!: CriterionOperator;

  @ApiProperty({
    oneOf: [...SCALAR.oneOf, { type: 'array', items: SCALAR }],
    example: 250000,
    description:
      'Text, a number or true/false for eq and neq; a number for gt, gte, lt and lte; a list of 1-100 of those for in',
  })
  @IsDefined()
  @IsCriterionValue()
  value!: CriterionScalar | CriterionScalar[];
}

export class LeadTypeBoughtDto {
  @ApiProperty({
    example: 'mortgage',
    description: "A lead type's slug, as the leads service defines it",
  })
  @IsString()
  leadType!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['SW', 'EC1A'],
    description: 'UK postcode areas or districts (any case); none: anywhere',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3_000)
  @IsString({ each: true })
  postcodes?: string[];

  @ApiPropertyOptional({
    type: [LeadCriterionDto],
    description: "Tests of the lead's answers, all of which must hold; none: any lead",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @NestedObject(() => LeadCriterionDto, { each: true })
  criteria?: LeadCriterionDto[];

  @ApiPropertyOptional({
    type: MoneyDto,
    nullable: true,
    description: "What the partner pays for a lead of this type; none: the partner's Lead Value",
  })
  @IsOptional()
  @NestedObject(() => MoneyDto)
  leadValue?: MoneyDto | null;

  @ApiPropertyOptional({
    minimum: MIN_LEAD_TYPE_WEIGHT,
    maximum: MAX_LEAD_TYPE_WEIGHT,
    example: 3,
    description:
      "The partner's share of this type's leads among eligible partners of equal priority when the lead type is routed by weight (3 gets three times the leads of 1); none: 1",
  })
  @Optional()
  @IsInt()
  @Min(MIN_LEAD_TYPE_WEIGHT)
  @Max(MAX_LEAD_TYPE_WEIGHT)
  weight?: number;
}

export class LeadTypesBoughtDto {
  @ApiProperty({
    type: [LeadTypeBoughtDto],
    description: 'Every lead type the partner buys, whole; empty: it buys nothing',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @NestedObject(() => LeadTypeBoughtDto, { each: true })
  leadTypes!: LeadTypeBoughtDto[];
}

export class SelectionPriorityDto {
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 50,
    description: 'Higher is offered leads first; new partners have 50',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  selectionPriority!: number;
}
