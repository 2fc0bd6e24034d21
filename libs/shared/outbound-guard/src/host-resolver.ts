import { lookup } from 'node:dns/promises';

/**
 * The port through which the guard asks which addresses a name has. It
 * resolves to every A and AAAA address (in any order), and rejects when the
 * name has none or DNS fails, ideally with Node's `code` (ENOTFOUND, EAI_AGAIN…).
 * Unit tests pass a fake; services use `createDnsResolver`.
 */
export type HostResolver = (hostname: string) => Promise<readonly string[]>;

/** Options of the system resolver. */
export interface DnsResolverOptions {
  /** How long a lookup may take before it counts as a failure; 5 s by default. */
  readonly timeoutMs?: number;
}

/**
 * The system resolver (getaddrinfo, as Node's HTTP clients use it, so /etc/hosts
 * and search domains count): every address of the name, as resolved. A lookup
 * that takes longer than `timeoutMs` fails with code ETIMEOUT, so a save request
 * does not hang on a dead DNS server.
 */
export function createDnsResolver(options: DnsResolverOptions = {}): HostResolver {
  const timeoutMs = options.timeoutMs ?? 5000;
  return async (hostname) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`DNS lookup of ${hostname} took more than ${timeoutMs} ms`);
        reject(Object.assign(error, { code: 'ETIMEOUT' }));
      }, timeoutMs);
      timer.unref();
    });
    try {
      const records = await Promise.race([
        lookup(hostname, { all: true, order: 'verbatim' }),
        timeout,
      ]);
      return records.map((record) => record.address);
    } finally {
      clearTimeout(timer);
    }
  };
}
