import { parseIntegrationEvent } from '@leadrail/integration-events';
import { leadsRegistry } from '@leadrail/leads-contracts';
import { integrationMessage } from '@leadrail/messaging';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { CreatePartnerReadModels1764000000200 } from './migrations/1764000000200-create-partner-read-models';
import { CreatePortalCredentials1764000000300 } from './migrations/1764000000300-create-portal-credentials';
import { CreatePortalSessions1764000000350 } from './migrations/1764000000350-create-portal-sessions';
import { CreateKnownLeadTypes1764000000400 } from './migrations/1764000000400-create-known-lead-types';
import { PartnerErrorsFilter } from './http/partner-errors.filter';
import { KnownLeadTypesHandler } from './lead-types/known-lead-types.handler';
import { PartnersModule } from './partners.module';
import { PartnerDirectoryProjection } from './read-model/partner-directory.projection';
import { PartnerHistoryProjection } from './read-model/partner-history.projection';

/** The partners service: the partner aggregate, every partner setting of the specification, portal access. */
export const partnersService: ServiceDefinition = {
  name: 'partners',
  module: PartnersModule,
  // Billing is not used yet; the lead-type catalogue comes from the leads service.
  subscriptions: [Topics.billing, Topics.leads],
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
    CreateKnownLeadTypes1764000000400,
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
  decode: decodeWithContracts({
    // An internal topic: lead events partners has no use for are skipped.
    [Topics.leads]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsRegistry),
      unknownTypes: 'ignore',
    },
  }),
  handlers: [KnownLeadTypesHandler],
};
