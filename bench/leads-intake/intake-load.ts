import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { openModel } from '../event-store/measure';
import { leadBody } from './intake-setup';

/** One load run against `POST /leads` and what came back. */
export interface LoadRun {
  rate: number;
  connections: number;
  seconds: number;
  /** Completed requests per second. */
  achieved: number;
  completed: number;
  p50: number;
  p99: number;
  max: number;
  created: number;
  /** Answers other than 201 Created (a 200 would be a replay, 4xx/5xx a refusal). */
  notCreated: number;
  errors: number;
  timeouts: number;
}

let sequence = 0;

/**
 * `rate` unique leads per second for `seconds` with autocannon (`overallRate`
 * over `connections`). Each connection sends its share of a second as soon
 * as the second starts, one request at a time, then waits for the next
 * second. Latencies are recorded as measured: autocannon 8's
 * coordinated-omission correction assumes an interval of ceil(1 / rate) =
 * 1 ms and would add a made-up sample per millisecond of every response.
 */
export async function autocannonLoad(
  url: string,
  apiKey: string,
  rate: number,
  connections: number,
  seconds: number,
): Promise<LoadRun> {
  const result = await autocannon({
    url: `${url}/leads`,
    connections,
    overallRate: rate,
    duration: seconds,
    ignoreCoordinatedOmission: true,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/leads',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: leadBody(sequence++) }),
      },
    ],
  });
  const created = result.statusCodeStats['201']?.count ?? 0;
  const answered = Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + count, 0);
  return {
    rate,
    connections,
    seconds,
    achieved: result.requests.total / result.duration,
    completed: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    created,
    notCreated: answered - created,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * The same load as an open model: each lead is posted when due, whether or
 * not earlier ones were answered, and its latency counts from when it was due
 * (no coordinated omission), over keep-alive connections.
 */
export async function openModelLoad(
  url: string,
  apiKey: string,
  rate: number,
  seconds: number,
): Promise<{ latencies: number[]; statuses: Map<number, number>; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  try {
    await openModel(rate, seconds, async (_, due) => {
      try {
        const status = await post(agent, `${url}/leads`, apiKey, leadBody(sequence++));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        latencies.push(performance.now() - due);
      } catch {
        errors++;
      }
    });
  } finally {
    agent.destroy();
  }
  return { latencies, statuses, errors };
}

function post(agent: Agent, url: string, apiKey: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
