import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  type AuthenticatedIntroducer,
  CurrentIntroducer,
  IntroducerApiKeyGuard,
} from './introducer-api-key.guard';

/** Lets an introducer check its key before sending leads (and proves the guard end to end). */
@ApiTags('introducer intake')
@ApiSecurity('introducer-api-key')
@Controller('introducer')
@UseGuards(IntroducerApiKeyGuard)
export class IntroducerWhoamiController {
  @Get('whoami')
  @ApiOperation({ summary: 'The introducer and key this API key authenticates as' })
  whoami(@CurrentIntroducer() introducer: AuthenticatedIntroducer): AuthenticatedIntroducer {
    return { introducerId: introducer.introducerId, keyId: introducer.keyId };
  }
}
