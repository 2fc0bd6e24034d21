import type { LookupAddress } from 'node:dns';
import { type LookupFunction, isIP } from 'node:net';

/** The addresses a connection to `hostname` may use; rejects (with the reason) when none may. */
export type ConnectionAddresses = (hostname: string) => Promise<readonly string[]>;

/**
 * A `lookup` for Node's `net`/`http`/`https` (the `lookup` option of a request,
 * an Agent or `net.connect`), answering from `addressesFor`. Node connects to
 * what `lookup` returns, so the addresses checked are the addresses connected
 * to: a DNS answer that changes between the save-time check and the send
 * (DNS rebinding) cannot slip an internal address in.
 *
 * Serves both call styles: `all: true` (Node ≥ 20 with autoSelectFamily, the
 * default) and a single address; honours `family` 4 or 6.
 */
export function guardedLookup(addressesFor: ConnectionAddresses): LookupFunction {
  return (hostname, options, callback) => {
    const all = options.all === true;
    const fail = (error: NodeJS.ErrnoException): void =>
      process.nextTick(() => callback(error, all ? [] : ''));
    void addressesFor(hostname).then(
      (addresses) => {
        const family = wantedFamily(options.family);
        const usable: LookupAddress[] = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((record) => record.family !== 0 && (family === 0 || record.family === family));
        const first = usable[0];
        if (first === undefined) {
          fail(notFound(hostname));
        } else if (all) {
          process.nextTick(() => callback(null, usable));
        } else {
          process.nextTick(() => callback(null, first.address, first.family));
        }
      },
      (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

function wantedFamily(family: number | 'IPv4' | 'IPv6' | undefined): number {
  if (family === 'IPv4') {
    return 4;
  }
  if (family === 'IPv6') {
    return 6;
  }
  return family ?? 0;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    hostname,
  });
}
