import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Lead values to try a template with instead of the sample lead's. */
export class TestLeadDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  /** Answers by key (text, number or boolean), replacing the sample's. */
  @IsOptional()
  @IsObject()
  answers?: Record<string, string | number | boolean>;
}

/** What to try: a partner's internet delivery, with the sample lead or given values. */
export class TestDeliveryDto {
  @IsUUID()
  partnerId!: string;

  /** Also send it to the partner and show its answer (admin only); otherwise only show it. */
  @IsOptional()
  @IsBoolean()
  send?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => TestLeadDto)
  lead?: TestLeadDto;
}
