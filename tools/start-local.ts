/**
 * `npm start`: the whole system on one machine with only Node, Java and Maven.
 *
 * Brings up the local stack (or uses DATABASE_URL / KAFKA_BROKERS), then runs
 * and supervises each service as its own process, on LEADRAIL_BASE_PORT
 * (3001) and the five ports after it, as ops would run them:
 * - a service that exits unexpectedly is reported and restarted after a
 *   backoff; after 5 crashes in a row, each within a minute of starting,
 *   everything is stopped and the launcher exits 1 (tools/start/restart-policy.ts);
 * - SIGTERM, SIGINT (Ctrl-C) or SIGHUP stops every service gracefully, then
 *   the Kafka broker and PostgreSQL server this run started (never ones that
 *   were already running or given by the environment), and exits 0;
 * - should the launcher die without stopping (SIGKILL), the services notice
 *   their IPC channel closing and stop, and a watchdog process stops the
 *   broker and server this run started (tools/start/watchdog.ts).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import 'reflect-metadata';
import { type LocalStackUp, bringUpLocalStack, stopStartedParts } from '@leadrail/local-infra';
import { hashOperatorToken, mintOperatorToken } from '@leadrail/nest-kit';
import { type LauncherOptions, SERVICES, readLauncherOptions } from './start/launcher-options';
import { assertPortsFree } from './start/free-ports';
import { stopRequested } from './start/launcher-stop';
import { ensureStateFile } from './start/state-file';
import { ensurePortalSigningKey } from './start/portal-signing-key';
import { ServiceSupervisor } from './start/service-supervisor';
import { WatchdogClient } from './start/watchdog-client';

const workspaceRoot = resolve(__dirname, '..');

async function main(): Promise<number> {
  const options = readLauncherOptions(process.env, workspaceRoot);
  let stopReason: string | undefined;
  const stop = stopRequested().then((reason) => (stopReason = reason));
  log(`state folder ${options.stateDir}`);
  await assertPortsFree(SERVICES.map((_, index) => options.basePort + index));
  const up = await bringUpLocalStack({ workspaceRoot, stateDir: options.stateDir });
  printStack(up);
  let watchdog: WatchdogClient | undefined;
  try {
    if (stopReason !== undefined) {
      return 0;
    }
    watchdog = await WatchdogClient.start({
      cwd: workspaceRoot,
      stateDir: options.stateDir,
      env: process.env,
      started: up.started,
    });
    return await runServices(options, up, stop, watchdog);
  } finally {
    await stopStartedParts(up.started);
    // Released only once the stack is down too: should the launcher die before, the watchdog finishes.
    await watchdog?.release();
    log(`stopped: ${summary(up)}`);
  }
}

/** Runs the services until a stop request or a crash loop; resolves with the exit code once they are down. */
async function runServices(
  options: LauncherOptions,
  up: LocalStackUp,
  stop: Promise<string>,
  watchdog: WatchdogClient,
): Promise<number> {
  const supervisor = new ServiceSupervisor(serviceSpecs(options, up), {
    cwd: workspaceRoot,
    onRunningChange: (running) => watchdog.services(running),
    log,
  });
  supervisor.start();
  log(`stop with Ctrl-C, or SIGTERM to npm or to this process (pid ${process.pid})`);
  const outcome = await Promise.race([
    stop.then((reason) => ({ gaveUp: false, reason })),
    supervisor.gaveUp.then((reason) => ({ gaveUp: true, reason })),
  ]);
  log(`stopping (${outcome.reason})`);
  const clean = await supervisor.stop(options.serviceGraceMs);
  return outcome.gaveUp || !clean ? 1 : 0;
}

function serviceSpecs(options: LauncherOptions, up: LocalStackUp) {
  // The admin API is never open: without configured tokens, mint one for this run and say so.
  let operatorTokens = process.env.OPERATOR_TOKENS;
  if (!operatorTokens) {
    const token = mintOperatorToken();
    operatorTokens = `local-admin:admin:${hashOperatorToken(token).toString('hex')}`;
    log(`operator token for this run (admin): ${token}`);
  }
  // Delivery opens leads' sealed contacts with an administrator token of its own, minted per run.
  const serviceToken = process.env.LEADS_TOKEN ?? mintOperatorToken();
  if (!process.env.LEADS_TOKEN) {
    operatorTokens = `${operatorTokens},delivery-service:admin:${hashOperatorToken(serviceToken).toString('hex')}`;
  }
  const leadsUrl =
    process.env.LEADS_URL ?? `http://127.0.0.1:${options.basePort + SERVICES.indexOf('leads')}`;
  const portal = portalSessionEnv(options);
  const referralLinks = referralLinkEnv(options, leadsUrl);
  return SERVICES.map((name, index) => {
    const port = options.basePort + index;
    log(`${name.padEnd(13)} http://127.0.0.1:${port} (/health/ready, /metrics)`);
    return {
      name,
      script: `apps/${name}/src/main.ts`,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: up.state.databaseUrl,
        KAFKA_BROKERS: up.state.kafkaBrokers,
        OPERATOR_TOKENS: operatorTokens,
        LEADS_URL: leadsUrl,
        LEADS_TOKEN: serviceToken,
        ...portal,
        ...referralLinks,
      },
    };
  });
}

/**
 * Portal sessions: partners signs with the state folder's key (kept there, so
 * a restart keeps sessions valid) unless PORTAL_SIGNING_KEY is given; every
 * service reads the public key from partners' JWKS.
 */
function portalSessionEnv(options: LauncherOptions): NodeJS.ProcessEnv {
  const partnersPort = options.basePort + SERVICES.indexOf('partners');
  const env: NodeJS.ProcessEnv = {
    PORTAL_JWKS_URL:
      process.env.PORTAL_JWKS_URL ?? `http://127.0.0.1:${partnersPort}/.well-known/jwks.json`,
  };
  if (!process.env.PORTAL_SIGNING_KEY) {
    const key = ensurePortalSigningKey(options.stateDir);
    log(`portal signing key ${key.created ? 'created in' : 'from'} the state folder`);
    env.PORTAL_SIGNING_KEY = key.pem;
  }
  return env;
}

/**
 * The referral email's Accept and Decline links: signed by delivery and
 * checked by leads with one secret, kept in the state folder (so links sent
 * before a restart still work) unless REFERRAL_LINK_SECRET is given; they
 * point at the leads service unless PUBLIC_LEADS_URL says where partners'
 * browsers reach it.
 */
function referralLinkEnv(options: LauncherOptions, leadsUrl: string): NodeJS.ProcessEnv {
  const given = process.env.REFERRAL_LINK_SECRET;
  const secret =
    given ??
    ensureStateFile(options.stateDir, 'referral-link-secret', () =>
      randomBytes(32).toString('base64url'),
    ).content.trim();
  return {
    REFERRAL_LINK_SECRET: secret,
    PUBLIC_LEADS_URL: process.env.PUBLIC_LEADS_URL ?? leadsUrl,
  };
}

function printStack({ state, started }: LocalStackUp): void {
  const origin = (given: boolean, startedNow: boolean): string =>
    given
      ? 'given by the environment; left alone'
      : startedNow
        ? 'started by this run; stopped when it ends'
        : 'already running; left running';
  const { KAFKA_BROKERS, DATABASE_URL } = process.env;
  log(`Kafka ${state.kafkaBrokers} (${origin(!!KAFKA_BROKERS, started.kafka !== undefined)})`);
  log(
    `PostgreSQL ${redact(state.databaseUrl)} (${origin(!!DATABASE_URL, started.postgres !== undefined)})`,
  );
}

function summary({ started }: LocalStackUp): string {
  const stopped = [started.kafka && 'Kafka', started.postgres && 'PostgreSQL'].filter(Boolean);
  return stopped.length > 0
    ? `all services and the ${stopped.join(' and ')} this run started are down`
    : 'all services are down (Kafka and PostgreSQL were not started by this run and keep running)';
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

function log(line: string): void {
  console.log(`[start] ${line}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
