import { Expose } from 'class-transformer';
import { IsDefined, IsOptional, IsUrl, Matches } from 'class-validator';

export class DatabaseEnv {
  @Expose()
  @IsDefined({ message: 'DATABASE_URL is required (postgres://user:password@host:5432/database)' })
  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_protocol: true, require_tld: false },
    {
      message:
        'DATABASE_URL must be a postgres:// URL, e.g. postgres://user:password@host:5432/database',
    },
  )
  DATABASE_URL!: string;

  /** The service's own schema; defaults to the service's name. */
  @Expose()
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'DATABASE_SCHEMA must be a lower-case SQL identifier (letters, digits, underscores)',
  })
  DATABASE_SCHEMA?: string;
}
