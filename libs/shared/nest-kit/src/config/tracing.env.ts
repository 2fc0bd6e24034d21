import { Expose } from 'class-transformer';
import { IsOptional, IsUrl, Matches } from 'class-validator';

/**
 * Tracing (OpenTelemetry): spans are exported over OTLP/HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; unset, tracing is off (nothing is created).
 */
export class TracingEnv {
  /** The collector's base URL; spans go to `<endpoint>/v1/traces`. */
  @Expose()
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    {
      message:
        'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL of an OTLP collector, e.g. http://otel-collector:4318',
    },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** `service.name` of every span; defaults to the service's own name. */
  @Expose()
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}$/, {
    message:
      'OTEL_SERVICE_NAME must be at most 255 letters, digits, dots, underscores, colons, slashes or hyphens',
  })
  OTEL_SERVICE_NAME?: string;
}
