import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateInbox1764000000000 } from '@leadrail/messaging';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ServiceConfig } from '../config/service-config';
import { ServiceDefinition } from '../service/service-definition';

/**
 * The service's own schema in PostgreSQL, migrated at start-up. No
 * `synchronize`: every change to a table is an explicit migration.
 */
@Module({})
export class DatabaseModule {
  static forService(definition: ServiceDefinition, config: ServiceConfig): DynamicModule {
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
          useFactory: () => options,
          dataSourceFactory: async () => {
            await createSchema(options);
            return new DataSource(options).initialize();
          },
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
