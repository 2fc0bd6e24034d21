import { isPortFree } from '@leadrail/local-infra';

/**
 * Fails, naming them, when any of the services' ports is taken: a service
 * that cannot listen would crash-loop, and a readiness check on its port
 * would be answered by whatever holds it (another LeadRail, say).
 */
export async function assertPortsFree(ports: readonly number[], host = '0.0.0.0'): Promise<void> {
  const taken: number[] = [];
  for (const port of ports) {
    if (!(await isPortFree(port, host))) {
      taken.push(port);
    }
  }
  if (taken.length > 0) {
    throw new Error(
      `port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} ${taken.length > 1 ? 'are' : 'is'} in use: stop what listens there, or set LEADRAIL_BASE_PORT to the first of ${ports.length} free ports`,
    );
  }
}
