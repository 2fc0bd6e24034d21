import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateInbox1764000000000 } from '@leadrail/messaging';
import { isTransientError } from '@leadrail/projections';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { retryWithBackoff } from '../service/retry-with-backoff';
import { ServiceDefinition } from '../service/service-definition';
import type { StartupContext } from '../service/startup-context';

/**
 * The service's own schema in PostgreSQL, migrated at start-up. No
 * `synchronize`: every change to a table is an explicit migration.
 *
 * A database that is unreachable or still starting is waited for (one warn
 * line per retry through `startup`, stopped by its signal); any other failure,
 * such as a failing migration, fails start-up at once. TypeORM's own retry is
 * off: it logs every attempt as an error and cannot be interrupted.
 */
@Module({})
export class DatabaseModule {
  static forService(
    definition: ServiceDefinition,
    config: ServiceConfig,
    startup?: StartupContext,
  ): DynamicModule {
    const options: DataSourceOptions = {
      type: 'postgres',
      url: config.database.url,
      schema: config.database.schema,
      synchronize: false,
      migrationsRun: true,
      migrations: [CreateInbox1764000000000, ...(definition.migrations ?? [])],
      migrationsTableName: 'migrations',
      applicationName: `leadrail-${config.service}`,
      // Unqualified names in raw SQL (migrations, the inbox) resolve in the service's own schema.
      extra: {
        max: 10,
        connectionTimeoutMillis: 5_000,
        options: `-c search_path=${config.database.schema}`,
      },
    };
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...options, toRetry: () => false }),
          dataSourceFactory: () =>
            retryWithBackoff(
              async () => {
                await createSchema(options);
                return new DataSource(options).initialize();
              },
              {
                what: `PostgreSQL at ${new URL(config.database.url).host}`,
                isTransient: isTransientError,
                onRetry: (notice) => startup?.onRetry(notice),
                signal: startup?.signal,
              },
            ),
        }),
      ],
    };
  }
}

/** TypeORM keeps its migrations table inside the schema, so the schema must exist first. */
async function createSchema(options: DataSourceOptions & { type: 'postgres' }): Promise<void> {
  const bootstrap = new DataSource({
    ...options,
    schema: undefined,
    migrations: [],
    migrationsRun: false,
  });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema!}"`);
  } finally {
    await bootstrap.destroy();
  }
}
