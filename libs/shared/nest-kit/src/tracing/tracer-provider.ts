import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** How long one export to the collector may take. */
export const EXPORT_TIMEOUT_MS = 5_000;

/** Where spans go: the endpoint is the collector's base URL, as the OpenTelemetry specification defines it. */
export function otlpTracesUrl(endpoint: string): string {
  return `${endpoint.endsWith('/') ? endpoint : `${endpoint}/`}v1/traces`;
}

/**
 * A service's tracer provider: spans are batched and exported over OTLP/HTTP
 * (JSON) to the collector, each carrying the service's `service.name`.
 */
export function createTracerProvider(options: {
  endpoint: string;
  serviceName: string;
}): NodeTracerProvider {
  const exporter = new OTLPTraceExporter({
    url: otlpTracesUrl(options.endpoint),
    timeoutMillis: EXPORT_TIMEOUT_MS,
  });
  return new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    ),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
}
