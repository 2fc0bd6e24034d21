import { createHash, timingSafeEqual } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { hashPortalPassword } from './portal-password';

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
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a portal invitation by choosing a password' })
  async accept(@Body() body: AcceptInvitationDto): Promise<{ accepted: true }> {
    const presented = createHash('sha256').update(body.token).digest();
    const accepted = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<
        { partner_id: string; invitation_token_sha256: string | null }[]
      >(
        'SELECT partner_id, invitation_token_sha256 FROM portal_credentials WHERE email = lower($1) FOR UPDATE',
        [body.email],
      );
      const stored = rows[0]?.invitation_token_sha256;
      if (!stored || !timingSafeEqual(Buffer.from(stored, 'hex'), presented)) {
        return false;
      }
      const passwordHash = await hashPortalPassword(body.password);
      await manager.query(
        'UPDATE portal_credentials SET password_hash = $2, invitation_token_sha256 = NULL WHERE partner_id = $1',
        [rows[0]!.partner_id, passwordHash],
      );
      return true;
    });
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
