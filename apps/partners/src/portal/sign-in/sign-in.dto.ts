import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';

/** A portal sign-in: the email and password of the partner's portal login. */
export class SignInDto {
  @ApiProperty({ example: 'leads@partner.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @Length(1, 200)
  password!: string;
}
