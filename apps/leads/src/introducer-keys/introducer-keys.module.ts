import { Module } from '@nestjs/common';
import { ApiKeySecrets } from './api-key-secrets';
import { IntakeAuthMetrics } from './intake-auth-metrics';
import { IntroducerApiKeyGuard } from './introducer-api-key.guard';
import { IntroducerApiKeys } from './introducer-api-keys';
import { IntroducerApiKeysController } from './introducer-api-keys.controller';
import { IntroducerKeyCommands } from './introducer-key-commands';
import { IntroducerWhoamiController } from './introducer-whoami.controller';

/**
 * Introducer API keys: operators issue, list and revoke them; intake routes
 * authenticate with `@UseGuards(IntroducerApiKeyGuard)` and read
 * `@CurrentIntroducer()`. The guard and what it needs are exported, so a
 * module that imports this one can use the guard on its own controllers.
 */
@Module({
  controllers: [IntroducerApiKeysController, IntroducerWhoamiController],
  providers: [
    ApiKeySecrets,
    IntakeAuthMetrics,
    IntroducerApiKeys,
    IntroducerApiKeyGuard,
    IntroducerKeyCommands,
  ],
  exports: [ApiKeySecrets, IntakeAuthMetrics, IntroducerApiKeys, IntroducerApiKeyGuard],
})
export class IntroducerKeysModule {}
