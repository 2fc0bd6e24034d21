import { OutboundAddressGuard } from '@leadrail/outbound-guard';

/**
 * A resolver answering from `names` (a name's answers are used in turn, the
 * last one again and again), so a test decides what a public-looking name
 * resolves to without touching DNS; any other name does not resolve.
 */
export function answeringResolver(
  names: Readonly<Record<string, readonly (readonly string[])[]>>,
): (hostname: string) => Promise<readonly string[]> {
  const asked = new Map<string, number>();
  return (hostname) => {
    const answers = names[hostname.toLowerCase()];
    if (answers === undefined || answers.length === 0) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    }
    const times = asked.get(hostname) ?? 0;
    asked.set(hostname, times + 1);
    return Promise.resolve(answers[Math.min(times, answers.length - 1)] ?? []);
  };
}

/** The outbound guard as the delivery service builds it, with a test's allow-list and names. */
export function testGuard(
  allowedHosts: readonly string[],
  names: Readonly<Record<string, readonly (readonly string[])[]>> = {},
): OutboundAddressGuard {
  return new OutboundAddressGuard({ allowedHosts, resolver: answeringResolver(names) });
}
