import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NestedObject } from '@leadrail/integration-events';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class AmountDto {
  @ApiProperty({ description: 'Whole minor units above zero (pence, cents)', example: 5000 })
  @IsInt({ message: 'amount must be a whole number of minor units (5000 for 50.00)' })
  @Min(1, { message: 'amount must be above zero' })
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ description: "ISO 4217, the account's currency", example: 'GBP' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like GBP' })
  currency!: string;
}

/** A payment the operator received outside PayPal (a bank transfer, a cheque). */
export class RecordPaymentDto {
  @ApiProperty({ type: AmountDto })
  @NestedObject(() => AmountDto)
  amount!: AmountDto;

  @ApiProperty({
    description: 'The payment’s own reference (bank reference): recording it twice records it once',
  })
  @IsString()
  @Length(1, 200)
  reference!: string;

  @ApiPropertyOptional({ description: 'A note for the statement' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** An operator's correction, either way. */
export class AdjustmentDto {
  @ApiProperty({ enum: ['credit', 'debit'] })
  @IsIn(['credit', 'debit'])
  direction!: 'credit' | 'debit';

  @ApiProperty({ type: AmountDto })
  @NestedObject(() => AmountDto)
  amount!: AmountDto;

  @ApiProperty({ description: 'Why: shown on the statement and kept in the log' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}

/** Money paid back to the partner. */
export class RefundDto {
  @ApiProperty({ type: AmountDto })
  @NestedObject(() => AmountDto)
  amount!: AmountDto;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({ description: 'The refund’s outside reference' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;
}
