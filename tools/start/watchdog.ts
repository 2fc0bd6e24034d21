/**
 * The watchdog of `npm start`'s launcher: a small process of its own session
 * (so neither Ctrl-C nor a signal to the launcher's process group reaches it)
 * connected to the launcher by an IPC channel. When the channel closes without
 * a `release` first, the launcher died without cleaning up (SIGKILL, a crash):
 * the watchdog then stops the services still running (they normally notice
 * the launcher's death on their own channel and stop first) and the Kafka
 * broker and PostgreSQL server that run started, and exits. Its lines go to
 * `<state folder>/watchdog.log`.
 */
import 'reflect-metadata';
import {
  type StartedParts,
  commandLineOf,
  isProcessAlive,
  stopStartedParts,
} from '@leadrail/local-infra';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningService } from './service-supervisor';
import { type FromWatchdog, isToWatchdog } from './watchdog-protocol';

/** Services get this long to finish their own graceful shutdown before SIGKILL. */
const SERVICES_GRACE_MS = 15_000;

let launcherPid = 0;
let started: StartedParts = {};
let running: RunningService[] = [];
let released = false;

process.on('message', (message) => {
  if (!isToWatchdog(message)) {
    return;
  }
  switch (message.type) {
    case 'watch': {
      launcherPid = message.launcherPid;
      started = message.started;
      const reply: FromWatchdog = { type: 'watching', pid: process.pid };
      process.send?.(reply);
      log(`watching launcher ${launcherPid}`);
      return;
    }
    case 'services':
      running = message.running;
      return;
    case 'release':
      released = true;
      return;
  }
});

process.once('disconnect', () => {
  // A release sent just before the launcher closed the channel is read first; no race.
  if (released) {
    process.exit(0);
  }
  cleanUp().then(
    () => process.exit(0),
    (error: unknown) => {
      log(
        `clean-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
});

async function cleanUp(): Promise<void> {
  log(`launcher ${launcherPid} is gone without stopping: stopping what it started`);
  const deadline = Date.now() + SERVICES_GRACE_MS;
  for (const service of stillRunning()) {
    signal(service, 'SIGTERM');
  }
  while (stillRunning().length > 0 && Date.now() < deadline) {
    await sleep(200);
  }
  for (const service of stillRunning()) {
    log(`${service.name} (pid ${service.pid}) did not stop: killing it`);
    signal(service, 'SIGKILL');
  }
  await stopStartedParts(started);
  log(
    `stopped${started.kafka ? ' Kafka' : ''}${started.postgres ? ' PostgreSQL' : ''}; everything is down`,
  );
}

/** The recorded services that still run, by PID and command line (a PID may have been reused). */
function stillRunning(): RunningService[] {
  return running.filter((service) => {
    if (!isProcessAlive(service.pid)) {
      return false;
    }
    // Without /proc (macOS) there is no command line to read: trust the PID, as the broker check does.
    const commandLine = commandLineOf(service.pid);
    return commandLine === '' || commandLine.includes(service.script);
  });
}

function signal(service: RunningService, name: NodeJS.Signals): void {
  try {
    process.kill(service.pid, name);
  } catch {
    // Exited in the meantime.
  }
}

function log(line: string): void {
  console.log(`${new Date().toISOString()} watchdog: ${line}`);
}
