import { ApiProperty } from '@nestjs/swagger';
import { IsCurrencyCode, NestedObject } from '@leadrail/integration-events';
import { IsInt, Max, Min } from 'class-validator';

const POSITIVE_MINOR_UNITS =
  '$property must be a positive whole number of minor units (1250 for 12.50), never zero, negative or a fraction';

/** An amount to pay in: LeadRail's money, whole minor units, more than nothing. */
export class TopUpAmountDto {
  @ApiProperty({ description: 'Whole minor units (pence, cents), at least 1', example: 5000 })
  @IsInt({ message: POSITIVE_MINOR_UNITS })
  @Min(1, { message: POSITIVE_MINOR_UNITS })
  // Past 2^53 integers stop being exact in JSON parsers.
  @Max(Number.MAX_SAFE_INTEGER, { message: '$property must be at most 9007199254740991' })
  amount!: number;

  @ApiProperty({ description: "ISO 4217, the partner account's currency", example: 'GBP' })
  @IsCurrencyCode()
  currency!: string;
}

/** A PayPal top-up to start. */
export class StartTopUpDto {
  @ApiProperty({ type: TopUpAmountDto })
  @NestedObject(() => TopUpAmountDto)
  amount!: TopUpAmountDto;
}
