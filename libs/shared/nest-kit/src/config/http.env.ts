import { Expose, Type } from 'class-transformer';
import { IsIP, IsInt, Max, Min } from 'class-validator';

export class HttpEnv {
  /** 0 asks the kernel for a free port (tests). */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number from 0 to 65535' })
  @Min(0, { message: 'PORT must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 0 to 65535' })
  PORT = 3000;

  @Expose()
  @IsIP(undefined, { message: 'HOST must be an IP address to listen on, e.g. 0.0.0.0' })
  HOST = '0.0.0.0';
}
