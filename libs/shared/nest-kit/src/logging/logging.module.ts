import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ServiceConfig } from '../config/service-config';

/** Paths whose values never reach a log line. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

/** Probes and scrapes would drown the request log. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/** Structured JSON logs (pino) with the service's name on every line. */
@Module({})
export class LoggingModule {
  static forService(config: ServiceConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logging.level,
            base: { service: config.service },
            redact: { paths: REDACTED, censor: '[redacted]' },
            autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url?.split('?')[0] ?? '') },
          },
        }),
      ],
    };
  }
}
