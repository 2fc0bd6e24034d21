import { leadsIntakeRegistry } from '@leadrail/leads-contracts';
import { parseIntegrationEvent } from '@leadrail/integration-events';
import { type ServiceDefinition, decodeWithContracts } from '@leadrail/nest-kit';
import { Topics } from '@leadrail/topics';
import { RecordReceivedLead } from './intake/record-received-lead.handler';
import { LeadsModule } from './leads.module';
import { CreateIntakeReadModels1764000000100 } from './migrations/1764000000100-create-intake-read-models';

/** The leads service: lead intake (HTTP and Kafka), validation, de-duplication, lifecycle and status, search. */
export const leadsService: ServiceDefinition = {
  name: 'leads',
  module: LeadsModule,
  subscriptions: [Topics.leadIntake, Topics.routing, Topics.delivery],
  migrations: [CreateIntakeReadModels1764000000100],
  decode: decodeWithContracts({
    // A public contract: anything else published here is a publisher's mistake.
    [Topics.leadIntake]: {
      parse: (raw) => parseIntegrationEvent(raw, leadsIntakeRegistry),
      unknownTypes: 'dead-letter',
    },
  }),
  handlers: [RecordReceivedLead],
};
