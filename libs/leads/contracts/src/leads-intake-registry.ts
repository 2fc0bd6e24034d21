import { IntegrationEventRegistry } from '@leadrail/integration-events';
import { leadReceivedV1 } from './lead-received/lead-received.v1';

/**
 * What the leads service accepts on its intake topic. When `LeadReceived` v2
 * arrives, it joins this registry next to v1 for the migration.
 */
export const leadsIntakeRegistry = new IntegrationEventRegistry([leadReceivedV1]);
