/** A suffix whose names only mean something inside a network, and why. */
interface InternalSuffix {
  readonly suffix: string;
  readonly why: string;
}

const PRIVATE_USE = 'a private-network suffix that is not delegated in the public DNS';

// Names under these suffixes resolve (if at all) through local files, mDNS or a
// company resolver, so they point into the network LeadRail runs in.
const INTERNAL_SUFFIXES: readonly InternalSuffix[] = [
  { suffix: 'localhost', why: 'reserved for the local host (RFC 6761)' },
  { suffix: 'localdomain', why: "the local host's own domain in /etc/hosts" },
  { suffix: 'local', why: 'multicast DNS on the local link (RFC 6762)' },
  {
    suffix: 'internal',
    why: 'reserved for private networks (ICANN, 2024); cloud metadata lives here',
  },
  { suffix: 'home.arpa', why: 'reserved for home networks (RFC 8375)' },
  { suffix: 'lan', why: PRIVATE_USE },
  { suffix: 'home', why: PRIVATE_USE },
  { suffix: 'corp', why: PRIVATE_USE },
  { suffix: 'intranet', why: PRIVATE_USE },
  { suffix: 'private', why: PRIVATE_USE },
];

/**
 * Why a host name is internal by its form alone, or undefined. `name` is
 * normalised (lower case, no trailing dot; see `normaliseHost`).
 */
export function internalHostNameReason(name: string): string | undefined {
  const suffix = INTERNAL_SUFFIXES.find(
    (candidate) => name === candidate.suffix || name.endsWith(`.${candidate.suffix}`),
  );
  if (suffix) {
    return `"${name}" ends in ".${suffix.suffix}", ${suffix.why}`;
  }
  if (!name.includes('.')) {
    // The resolver completes a bare label with the host's search domains.
    return `"${name}" is a single-label name, which only resolves inside a network`;
  }
  return undefined;
}
