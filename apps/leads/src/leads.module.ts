import { Module } from '@nestjs/common';
import { DuplicateClaims } from './intake/duplicate-claims';
import { IntakeIdempotency } from './intake/http/intake-idempotency';
import { LeadIntakeController } from './intake/http/lead-intake.controller';
import { LeadIntake } from './intake/lead-intake';
import { IntroducerKeysModule } from './introducer-keys/introducer-keys.module';
import { LeadCommands } from './lead/lead-commands';
import { lifecycleControllers, lifecycleProviders } from './lifecycle/lifecycle.slices';
import { leadEventStoreProvider } from './lead/lead-event-store';
import { PartnerView } from './partner-view/partner-view';
import { LeadErasure } from './personal-data/lead-erasure';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataKeys } from './personal-data/personal-data-keys';
import { leadSearchControllers, leadSearchProviders } from './search/lead-search.providers';
import { LeadSettingsCommands } from './settings/lead-settings-commands';
import { LeadSettingsController } from './settings/lead-settings.controller';

/** The leads service's use cases: intake, lead settings, the lead's life, search. */
@Module({
  imports: [IntroducerKeysModule],
  controllers: [
    LeadSettingsController,
    LeadIntakeController,
    PersonalDataController,
    ...lifecycleControllers,
    ...leadSearchControllers,
  ],
  providers: [
    PersonalDataKeys,
    leadEventStoreProvider,
    LeadCommands,
    LeadSettingsCommands,
    PartnerView,
    DuplicateClaims,
    LeadIntake,
    IntakeIdempotency,
    LeadErasure,
    ...lifecycleProviders,
    ...leadSearchProviders,
  ],
  // The integration-event handlers live in the service's root module and use these.
  exports: [LeadIntake, LeadCommands, LeadSettingsCommands, PartnerView, PersonalDataKeys],
})
export class LeadsModule {}
