import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
      migrations: [...(definition.migrations ?? [])],
      migrationsTableName: 'migrations',
      applicationName: `leadrail-${config.service}`,
      extra: { max: 10, connectionTimeoutMillis: 5_000 },
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
