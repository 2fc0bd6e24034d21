import type { ExceptionFilter, INestApplication } from '@nestjs/common';
import { EventStoreErrorsFilter } from './event-store-errors.filter';
import { ClientErrorsFilter } from './input-policy/client-errors.filter';

/**
 * Registers every exception filter of a service once, for all its routes:
 * the service's own (its domain's error codes), the event store's (412/409),
 * and last the catch-all that keeps client mistakes from becoming 500s.
 * Nest tries global filters from the last registered, so the catch-all goes first.
 */
export function registerErrorFilters(
  app: INestApplication,
  serviceFilters: readonly ExceptionFilter[] = [],
): void {
  app.useGlobalFilters(
    new ClientErrorsFilter(app.getHttpAdapter()),
    new EventStoreErrorsFilter(),
    ...serviceFilters,
  );
}
