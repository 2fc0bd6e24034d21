import { Expose } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';

/** The event log: EventStoreDB/KurrentDB when set, else PostgreSQL (DATABASE_URL, schema `<service>_log`). */
export class EventStoreEnv {
  @Expose()
  @IsOptional()
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/\S+$/, {
    message:
      'EVENTSTORE_URL must be an EventStoreDB/KurrentDB connection string, e.g. kurrentdb://host:2113?tls=true',
  })
  EVENTSTORE_URL?: string;
}
