import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Length, ValidateIf } from 'class-validator';

/** A portal login: with a password the operator sets, or, without one, an invitation. */
export class PortalLoginDto {
  @ApiProperty({ example: 'leads@partner.example' })
  @IsEmail()
  email!: string;

  @ApiPropertyOptional({
    description: 'At least 12 characters; omit it to create an invitation instead',
    writeOnly: true,
  })
  // Omitted means an invitation; null is no password at all, so it is refused like any non-text.
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Length(12, 200)
  password?: string;
}
