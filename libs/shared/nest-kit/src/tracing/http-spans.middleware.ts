import {
  type Context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  context,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';
import { extractTrace } from './trace-context';

/** Probes and scrapes: frequent, uninteresting, and not worth a span each. */
function isOperational(path: string): boolean {
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

/**
 * One server span per HTTP request (but health and metrics): method, route
 * pattern, status, a child of the caller's `traceparent` if it sent one. It is
 * the active span for the rest of the request, body parsing included (the
 * request and response emitters are bound to it, since a parser calls on from
 * the stream's events), so the appends a handler makes are its children.
 */
export function httpSpans(
  tracer: Tracer,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (isOperational(req.path)) {
      next();
      return;
    }
    const parent = extractTrace(req.headers);
    const span = tracer.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method, [ATTR_URL_PATH]: req.path },
      },
      parent,
    );
    const active: Context = trace.setSpan(parent, span);
    context.bind(active, req);
    context.bind(active, res);
    let ended = false;
    const end = (aborted: boolean): void => {
      if (ended) {
        return;
      }
      ended = true;
      finish(span, req, res, aborted);
    };
    res.once('finish', () => end(false));
    res.once('close', () => end(!res.writableFinished));
    context.with(active, next);
  };
}

function finish(span: Span, req: Request, res: Response, aborted: boolean): void {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') {
    const pattern = `${req.baseUrl}${route}`;
    span.setAttribute(ATTR_HTTP_ROUTE, pattern);
    span.updateName(`${req.method} ${pattern}`);
  }
  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
  if (aborted) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client closed the connection' });
  } else if (res.statusCode >= 500) {
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}
