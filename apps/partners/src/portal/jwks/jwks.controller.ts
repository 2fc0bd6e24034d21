import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JSONWebKeySet } from 'jose';
import { PortalSigningKeys } from '../session/portal-signing-keys';

@ApiTags('partner portal')
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(PortalSigningKeys) private readonly keys: PortalSigningKeys) {}

  /**
   * The public keys portal session tokens are signed with, for every service
   * that verifies them. Cached briefly: a verifier meeting an unknown `kid`
   * fetches again anyway (jose's remote key set does).
   */
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys of partner portal session tokens (JWKS)' })
  jwks(): JSONWebKeySet {
    return this.keys.publicKeySet;
  }
}
