import type { HostResolver } from '../host-resolver';

/** A resolver answering from a table, recording the names it was asked; unknown names fail like getaddrinfo. */
export interface FakeResolver extends HostResolver {
  readonly asked: string[];
}

/** `answers`: name → addresses, or an Error to reject with. */
export function fakeResolver(answers: Record<string, readonly string[] | Error>): FakeResolver {
  const asked: string[] = [];
  const resolve = (hostname: string): Promise<readonly string[]> => {
    asked.push(hostname);
    const answer = answers[hostname];
    if (answer === undefined) {
      const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      return Promise.reject(Object.assign(error, { code: 'ENOTFOUND' }));
    }
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return Object.assign(resolve, { asked });
}
