import type { ProjectionStatus } from '@leadrail/projections';
import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/**
 * Down when a projection stopped at an event it cannot apply: its read model
 * no longer follows the log, and will not until it is fixed and restarted, so
 * the instance must not be sent work that reads it. A projection retrying
 * after a transient failure is up (it catches up by itself; the database
 * check reports the outage) and is listed under `retrying`.
 */
export function checkProjections<Key extends string>(
  indicators: HealthIndicatorService,
  key: Key,
  statuses: readonly ProjectionStatus[],
): HealthIndicatorResult<Key> {
  const indicator = indicators.check(key);
  const stopped = statuses.filter((status) => status.state === 'stopped');
  const retrying = statuses
    .filter((status) => status.state === 'retrying')
    .map((status) => ({
      projection: status.name,
      since: status.retrying?.since.toISOString(),
      attempts: status.retrying?.attempts,
      cause: status.retrying?.cause,
    }));
  if (stopped.length > 0) {
    return indicator.down({
      message: `stopped: ${stopped.map((status) => status.name).join(', ')}`,
      stopped: stopped.map((status) => {
        const event = status.failure?.event;
        return {
          projection: status.name,
          reason: status.failure?.message,
          event: event && {
            position: event.position.toString(),
            stream: event.streamName,
            revision: event.revision.toString(),
            type: event.type,
            id: event.id,
          },
          position: status.position.toString(),
        };
      }),
      ...(retrying.length > 0 ? { retrying } : {}),
    });
  }
  return indicator.up(retrying.length > 0 ? { retrying } : {});
}
