import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A file of the state folder made once and kept (readable by its owner
 * only), so a restart keeps what was made with it valid. Created
 * exclusively (`wx`): two launchers on one folder cannot end up with two.
 */
export function ensureStateFile(
  stateDir: string,
  file: string,
  make: () => string,
): { content: string; created: boolean } {
  const path = join(stateDir, file);
  mkdirSync(stateDir, { recursive: true });
  const content = make();
  try {
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
    return { content, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
    return { content: readFileSync(path, 'utf8'), created: false };
  }
}
