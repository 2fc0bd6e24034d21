import { readFileSync, readdirSync } from 'node:fs';

/** One process, as /proc shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  commandLine: string;
}

/**
 * The processes that belong to one `npm start` run, found in /proc without
 * trusting anything the run recorded: every process whose command line names
 * one of `paths` (the state folder: the Kafka broker's config; PostgreSQL's
 * data folder), whose environment has `marker` (npm, the launcher, the
 * services, the watchdog, the broker all inherit LEADRAIL_STATE_DIR), and
 * every descendant of those (PostgreSQL's backends).
 */
export function processesOfRun(paths: readonly string[], marker: string): ProcessInfo[] {
  const table = readProcessTable();
  const found = new Map<number, ProcessInfo>();
  for (const info of table) {
    if (
      info.pid !== process.pid &&
      (paths.some((path) => info.commandLine.includes(path)) || environmentHas(info.pid, marker))
    ) {
      found.set(info.pid, info);
    }
  }
  // Descendants, until no new one turns up.
  for (let grew = true; grew;) {
    grew = false;
    for (const info of table) {
      if (!found.has(info.pid) && found.has(info.ppid)) {
        found.set(info.pid, info);
        grew = true;
      }
    }
  }
  return [...found.values()].sort((a, b) => a.pid - b.pid);
}

/** Every live process (zombies excluded: they hold no resources and are gone once reaped). */
export function readProcessTable(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const pid = Number(name);
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state === 'Z') {
          return [];
        }
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        return [{ pid, ppid: Number(ppid), commandLine: commandLine.trim() }];
      } catch {
        return []; // exited while we looked
      }
    });
}

function environmentHas(pid: number, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker);
  } catch {
    return false; // another user's process, or gone
  }
}

/** For an assertion message: "1234 java -cp …". */
export function describeProcesses(processes: readonly ProcessInfo[]): string[] {
  return processes.map((info) => `${info.pid} ${info.commandLine.slice(0, 160)}`);
}
