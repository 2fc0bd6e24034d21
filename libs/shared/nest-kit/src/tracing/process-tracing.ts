import { DiagLogLevel, diag } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { NestDiagLogger } from './diag-logger';

let installed = false;

/**
 * Once per process, when the first service with tracing starts: the
 * AsyncLocalStorage context manager (so the active span follows async work),
 * the W3C Trace Context propagator, the SDK's warnings in the log, and that
 * service's provider as the global one. A service deploys as a process of its
 * own, so that is its provider; services started side by side in one process
 * (tests) each keep their own provider and `service.name`, and share the rest.
 */
export function installProcessTracing(provider: NodeTracerProvider): void {
  if (installed) {
    return;
  }
  installed = true;
  diag.setLogger(new NestDiagLogger(), DiagLogLevel.WARN);
  provider.register({ propagator: new W3CTraceContextPropagator() });
}
