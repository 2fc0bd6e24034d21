import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const QUIET_MS = 600;
const POLL_MS = 100;

/**
 * Seconds from now until the service's asynchronous work on the leads just
 * acknowledged (read models and the relay to Kafka, which run in the same
 * process as intake) is done: until the projections' positions on
 * `/metrics` last moved, once they have not moved for 600 ms. Intake answers
 * before this work; a rate whose backlog outlasts the load is not sustained.
 */
export async function secondsToCatchUp(url: string, timeoutSeconds = 120): Promise<number> {
  const started = performance.now();
  let positions = '';
  let since = started;
  for (;;) {
    const now = performance.now();
    const current = await projectionPositions(url);
    if (current !== positions) {
      positions = current;
      since = now;
    } else if (now - since >= QUIET_MS) {
      return (since - started) / 1000;
    }
    if (now - started > timeoutSeconds * 1000) {
      return Number.POSITIVE_INFINITY;
    }
    await sleep(POLL_MS);
  }
}

async function projectionPositions(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('leadrail_projection_position{'))
    .join('\n');
}
