import { Body, Controller, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';
import { PortalCredentials } from './portal-credentials';

class AcceptInvitationDto {
  @ApiProperty() @IsEmail() email!: string;
  @ApiProperty({ description: 'The invitation token the operator sent' })
  @IsString()
  @Length(20, 200)
  token!: string;
  @ApiProperty({ description: 'At least 12 characters', writeOnly: true })
  @IsString()
  @Length(12, 200)
  password!: string;
}

/**
 * A partner invited to the portal chooses its password with the one-time
 * token: the token is consumed, and the password stored as an argon2id hash.
 */
@ApiTags('partner portal')
@Controller('portal/invitations')
export class AcceptInvitationController {
  constructor(@Inject(PortalCredentials) private readonly credentials: PortalCredentials) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a portal invitation by choosing a password' })
  async accept(@Body() body: AcceptInvitationDto): Promise<{ accepted: true }> {
    const accepted = await this.credentials.acceptInvitation(body.email, body.token, body.password);
    if (!accepted) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'this invitation is not valid (already used, or the email or token is wrong)',
      });
    }
    return { accepted: true };
  }
}
