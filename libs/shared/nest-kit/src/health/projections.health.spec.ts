import { ProjectionFailure, type ProjectionStatus } from '@leadrail/projections';
import { HealthIndicatorService } from '@nestjs/terminus';
import { checkProjections } from './projections.health';

const running: ProjectionStatus = {
  name: 'partner-directory',
  state: 'running',
  position: 42n,
  retries: { read: 0, apply: 0 },
};

describe(checkProjections.name, () => {
  const indicators = new HealthIndicatorService();

  it('is up while every projection follows the log, listing those retrying after a transient failure', () => {
    expect(checkProjections(indicators, 'projections', [running])).toEqual({
      projections: { status: 'up' },
    });
    const since = new Date('2026-03-02T09:00:00Z');
    const retrying: ProjectionStatus = {
      ...running,
      name: 'partner-history',
      state: 'retrying',
      retrying: { since, attempts: 4, cause: 'connect ECONNREFUSED 127.0.0.1:5432' },
    };
    expect(checkProjections(indicators, 'projections', [running, retrying])).toEqual({
      projections: {
        status: 'up',
        retrying: [
          {
            projection: 'partner-history',
            since: since.toISOString(),
            attempts: 4,
            cause: 'connect ECONNREFUSED 127.0.0.1:5432',
          },
        ],
      },
    });
  });

  it('is down naming a stopped projection, the event it stopped at and why', () => {
    const event = {
      position: 1_048_577n,
      streamName: 'partner-7',
      revision: 3n,
      type: 'DeliveryLimitsSet',
      id: 'e-1',
    };
    const failure = new ProjectionFailure('partner-directory', event, 3, new TypeError('boom'));
    const stopped: ProjectionStatus = { ...running, state: 'stopped', failure };
    expect(checkProjections(indicators, 'projections', [stopped])).toEqual({
      projections: {
        status: 'down',
        message: 'stopped: partner-directory',
        stopped: [
          {
            projection: 'partner-directory',
            reason:
              'projection partner-directory stopped at partner-7@3 (DeliveryLimitsSet, position 1048577) after 3 attempts: boom',
            event: {
              position: '1048577',
              stream: 'partner-7',
              revision: '3',
              type: 'DeliveryLimitsSet',
              id: 'e-1',
            },
            position: '42',
          },
        ],
      },
    });
  });
});
