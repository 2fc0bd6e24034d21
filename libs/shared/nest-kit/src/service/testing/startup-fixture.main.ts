/**
 * A minimal service run the way every service runs (runService), for tests of
 * start-up and stopping as a real process: no HTTP API or handlers of its own,
 * one subscription.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runService } from '../run-service';

@Module({})
class StartupFixtureModule {}

void runService({
  name: 'startup_fixture',
  module: StartupFixtureModule,
  subscriptions: ['leadrail.test.startup-fixture.v1'],
});
