import { join } from 'node:path';

import { SERVICES } from '@leadrail/local-infra';

/** The services `npm start` runs, in port order from the base port. */
export { SERVICES };

/** What a launcher run uses, from its environment. */
export interface LauncherOptions {
  /** LEADRAIL_STATE_DIR: the local stack's state, data and logs. */
  stateDir: string;
  /** LEADRAIL_BASE_PORT: the first service's HTTP port; the others follow. */
  basePort: number;
  /** SHUTDOWN_TIMEOUT_MS (the services' own) plus a margin: when the launcher kills a service. */
  serviceGraceMs: number;
}

const DEFAULT_BASE_PORT = 3001;

/** Reads and checks the launcher's variables; throws one readable message when one is malformed. */
export function readLauncherOptions(
  env: NodeJS.ProcessEnv,
  workspaceRoot: string,
): LauncherOptions {
  const basePort = Number(env.LEADRAIL_BASE_PORT ?? DEFAULT_BASE_PORT);
  const lastPort = basePort + SERVICES.length - 1;
  if (!Number.isInteger(basePort) || basePort < 1 || lastPort > 65_535) {
    throw new Error(
      `LEADRAIL_BASE_PORT must be a port from 1 to ${65_536 - SERVICES.length} (the services use it and the ${SERVICES.length - 1} ports after it); got ${String(env.LEADRAIL_BASE_PORT)}`,
    );
  }
  const shutdownTimeoutMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
  return {
    stateDir: env.LEADRAIL_STATE_DIR ?? join(workspaceRoot, 'deploy', 'local', '.state', 'dev'),
    basePort,
    serviceGraceMs: (Number.isFinite(shutdownTimeoutMs) ? shutdownTimeoutMs : 10_000) + 5_000,
  };
}
