import { Controller, Delete, HttpCode, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPortalPartner,
  type PortalPartner,
  PortalSessionRequired,
} from '@leadrail/portal-session';
import { RevokedPortalSessions } from '../session/revoked-portal-sessions';

@ApiTags('partner portal')
@Controller('portal/session')
export class SignOutController {
  constructor(@Inject(RevokedPortalSessions) private readonly revoked: RevokedPortalSessions) {}

  /**
   * This service refuses the token from now on; other services verify tokens
   * on their own and accept it until it expires (docs/operations.md).
   */
  @Delete()
  @HttpCode(204)
  // Any valid session, whatever the partner's access now: signing out must always work.
  @PortalSessionRequired()
  @ApiOperation({ summary: 'Sign out of the partner portal: the token is refused from now on' })
  async remove(@CurrentPortalPartner() partner: PortalPartner): Promise<void> {
    await this.revoked.revoke(partner.session);
  }
}
