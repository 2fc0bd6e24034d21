import fc from 'fast-check';
import { hostileJson, hostileText, mutate } from './hostile-values';
import { type OpenApiDocument, type Operation, operationsOf, pathParameterNames } from './open-api';
import { valueFor } from './schema-arbitrary';

/** Where the fuzzer finds the service, and what a real client would know. */
export interface FuzzOptions {
  baseUrl: string;
  document: OpenApiDocument;
  /**
   * A credential for each security scheme of the document, by scheme name: the
   * `Authorization` header for an http scheme (`bearer`, `basic`), the key
   * itself for an apiKey scheme in a header (sent in the header it names).
   */
  credentials: Record<string, string>;
  /**
   * Good values for path parameters and headers by name (an existing id, the
   * current ETag), read before each request, so requests also get past the
   * first check and reach the code behind it.
   */
  knownValues?: Record<string, () => Promise<string> | string>;
  /**
   * Known-good bodies by operation (`"PUT /partners/{id}/name"`): sent as they
   * are and mutated, so generated requests also pass the service's own rules
   * (which a schema cannot state) and reach the code behind them. An operation
   * that documents no body schema (a raw body it parses itself) gets bodies
   * from its seeds alone.
   */
  seedBodies?: Record<string, unknown[]>;
  runsPerOperation?: number;
  seed?: number;
}

/** A request the service answered with a 5xx, or did not answer in time. */
export interface ServerFailure {
  operation: string;
  url: string;
  body?: string;
  status: number | 'timeout';
  response: string;
}

interface GeneratedRequest {
  path: Record<string, string | undefined>;
  query: Record<string, unknown>;
  headers: Record<string, string | undefined>;
  authenticated: boolean;
  body?: { raw: string } | { json: unknown };
}

/** What a fuzzing run found: the failures, and every status each operation answered. */
export interface FuzzReport {
  failures: ServerFailure[];
  /** `"PUT /partners/{id}/name"` -> status -> count: shows the run reached past validation. */
  statuses: Record<string, Record<number, number>>;
}

/**
 * Sends every operation of an OpenAPI document generated requests, valid and
 * invalid (bodies from the schemas, mutated; hostile text in parameters and
 * headers; raw non-JSON; deep nesting), and reports every 5xx or hang.
 */
export async function fuzzOpenApi(options: FuzzOptions): Promise<FuzzReport> {
  const report: FuzzReport = { failures: [], statuses: {} };
  for (const operation of operationsOf(options.document)) {
    const requests = fc.sample(requestArbitrary(operation, options), {
      numRuns: options.runsPerOperation ?? 40,
      seed: options.seed ?? 42,
    });
    const statuses: Record<number, number> = {};
    report.statuses[`${operation.method} ${operation.path}`] = statuses;
    for (const request of requests) {
      const outcome = await send(operation, request, options);
      if (typeof outcome === 'number') {
        statuses[outcome] = (statuses[outcome] ?? 0) + 1;
      } else {
        report.failures.push(outcome);
      }
    }
  }
  return report;
}

function requestArbitrary(
  operation: Operation,
  options: FuzzOptions,
): fc.Arbitrary<GeneratedRequest> {
  const known = (name: string): fc.Arbitrary<string | undefined> =>
    options.knownValues?.[name] ? fc.constant(undefined) : fc.uuid();
  const parameters = operation.parameters ?? [];
  const path = Object.fromEntries(
    pathParameterNames(operation.path).map((name) => [
      name,
      fc.oneof({ weight: 4, arbitrary: known(name) }, fc.uuid(), hostileText),
    ]),
  );
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const query = Object.fromEntries(
    queryParameters.map((parameter) => [
      parameter.name,
      fc.option(
        fc.oneof(
          parameter.schema ? valueFor(parameter.schema, options.document) : hostileText,
          hostileText,
        ),
      ),
    ]),
  );
  const headers = Object.fromEntries(
    parameters
      .filter((parameter) => parameter.in === 'header')
      .map((parameter) => [
        parameter.name,
        fc.oneof({ weight: 4, arbitrary: known(parameter.name) }, fc.constant('"0"'), hostileText),
      ]),
  );
  const schema = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
  const seeds = options.seedBodies?.[`${operation.method} ${operation.path}`] ?? [];
  const seeded = seeds.length > 0 ? fc.constantFrom(...seeds) : undefined;
  const valid = schema ? valueFor(schema, options.document) : undefined;
  const good = seeded && valid ? fc.oneof(seeded, valid) : (seeded ?? valid);
  const body = good
    ? fc.oneof(
        { weight: 3, arbitrary: good.map((json) => ({ json })) },
        {
          weight: 4,
          arbitrary: fc
            .tuple(good, fc.nat(), hostileJson, fc.boolean())
            .map(([json, pick, replacement, drop]) => ({
              json: mutate(json, pick, replacement, drop),
            })),
        },
        { weight: 1, arbitrary: hostileJson.map((json) => ({ json })) },
        { weight: 1, arbitrary: hostileText.map((raw) => ({ raw })) },
      )
    : fc.constant(undefined);
  return fc.record({
    path: fc.record(path),
    // Filters are optional and each generated one is likely wrong: some requests send none,
    // so a search also answers (and pages) for real.
    query:
      queryParameters.length === 0
        ? fc.record(query)
        : fc.oneof({ weight: 3, arbitrary: fc.record(query) }, fc.constant({})),
    headers: fc.record(headers),
    authenticated: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, fc.constant(false)),
    body,
  });
}

async function send(
  operation: Operation,
  request: GeneratedRequest,
  options: FuzzOptions,
): Promise<ServerFailure | number> {
  const resolve = async (name: string, value: string | undefined): Promise<string | undefined> =>
    value ?? (await options.knownValues?.[name]?.());
  let path = operation.path;
  for (const [name, value] of Object.entries(request.path)) {
    path = path.replace(`{${name}}`, encode((await resolve(name, value)) ?? ''));
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value !== null && value !== undefined) {
      search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const resolved = await resolve(name, value);
    if (resolved !== undefined && isSendableHeader(resolved)) {
      headers[name] = resolved;
    }
  }
  const scheme = Object.keys(operation.security?.[0] ?? {})[0];
  if (request.authenticated && scheme && options.credentials[scheme]) {
    headers[credentialHeader(options.document, scheme)] = options.credentials[scheme];
  }
  const body =
    request.body === undefined
      ? undefined
      : 'raw' in request.body
        ? request.body.raw
        : JSON.stringify(request.body.json);
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const url = `${options.baseUrl}${path}${search.size > 0 ? `?${search.toString()}` : ''}`;
  const name = `${operation.method} ${operation.path}`;
  try {
    const response = await fetch(url, {
      method: operation.method,
      headers,
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return response.status >= 500
      ? {
          operation: name,
          url,
          body: body?.slice(0, 300),
          status: response.status,
          response: text.slice(0, 300),
        }
      : response.status;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { operation: name, url, body: body?.slice(0, 300), status: 'timeout', response: '' };
    }
    throw error;
  }
}

/** Where a scheme's credential goes: the header an apiKey scheme names, else `Authorization`. */
function credentialHeader(document: OpenApiDocument, scheme: string): string {
  const declared = document.components?.securitySchemes?.[scheme];
  return declared?.type === 'apiKey' && declared.in === 'header' && declared.name
    ? declared.name.toLowerCase()
    : 'authorization';
}

/** A path segment as a client would encode it; text that is not Unicode goes as raw bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** What HTTP lets a client put in a header value at all (fetch refuses the rest before sending). */
function isSendableHeader(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value;
}
