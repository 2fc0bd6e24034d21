import { integrationMessage } from '@leadrail/messaging';
import type { ServiceDefinition } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { CreatePartnerReadModels1764000000200 } from './migrations/1764000000200-create-partner-read-models';
import { CreatePortalCredentials1764000000300 } from './migrations/1764000000300-create-portal-credentials';
import { CreatePortalSessions1764000000350 } from './migrations/1764000000350-create-portal-sessions';
import { PartnerErrorsFilter } from './http/partner-errors.filter';
import { PartnersModule } from './partners.module';
import { PartnerDirectoryProjection } from './read-model/partner-directory.projection';
import { PartnerHistoryProjection } from './read-model/partner-history.projection';

/** The partners service: the partner aggregate, every partner setting of the specification, portal access. */
export const partnersService: ServiceDefinition = {
  name: 'partners',
  module: PartnersModule,
  subscriptions: [Topics.billing],
  // It signs partner portal sessions, and publishes their public keys at /.well-known/jwks.json.
  requires: { operatorTokens: true, portalSigningKey: true },
  openApi: {
    title: 'LeadRail partners admin API',
    description:
      'Every partner setting of the specification. Operators authenticate with a bearer token; changes need If-Match with the ETag last read.',
  },
  errorFilters: [new PartnerErrorsFilter()],
  migrations: [
    CreatePartnerReadModels1764000000200,
    CreatePortalCredentials1764000000300,
    CreatePortalSessions1764000000350,
  ],
  projections: [new PartnerDirectoryProjection(), new PartnerHistoryProjection()],
  publishes: [Topics.partners],
  relays: [
    {
      name: 'partners',
      filter: { streamNamePrefixes: ['partner-'] },
      toMessage: (event) =>
        integrationMessage(event, { topic: Topics.partners, source: 'leadrail.partners' }),
    },
  ],
};
