import ipaddr from 'ipaddr.js';
import { type AllowListEntry, parseAllowListEntry } from './allow-list-entry';
import type { NormalisedHost } from './host';

/**
 * The operator's OUTBOUND_ALLOWED_HOSTS: hosts LeadRail may reach although they
 * are internal (tests, on-premise partners). Immutable once parsed.
 */
export class AllowList {
  private constructor(readonly entries: readonly AllowListEntry[]) {}

  /** Nothing allowed beyond public hosts. */
  static readonly EMPTY = new AllowList([]);

  /**
   * Parses a comma-separated setting or a list of entries. Blank entries are
   * skipped (a trailing comma is harmless); every malformed entry is reported.
   */
  static parse(setting: string | readonly string[]): {
    allowList: AllowList;
    problems: string[];
  } {
    const texts = (typeof setting === 'string' ? setting.split(',') : setting)
      .map((text) => text.trim())
      .filter((text) => text !== '');
    const entries: AllowListEntry[] = [];
    const problems: string[] = [];
    for (const parsed of texts.map(parseAllowListEntry)) {
      if ('entry' in parsed) {
        entries.push(parsed.entry);
      } else {
        problems.push(parsed.problem);
      }
    }
    return { allowList: new AllowList(entries), problems };
  }

  /** The entry that allows `host` (a name or a literal address) on `port`, if any. */
  allowingHost(host: NormalisedHost, port: number): AllowListEntry | undefined {
    return host.kind === 'name'
      ? this.entries.find(
          (entry) => entry.kind === 'name' && entry.name === host.host && portMatches(entry, port),
        )
      : this.allowingAddress(host.address, port);
  }

  /** The entry that allows connecting to `address` on `port`, if any. */
  allowingAddress(address: ipaddr.IPv4 | ipaddr.IPv6, port: number): AllowListEntry | undefined {
    // An IPv4-mapped address is its IPv4 address for matching, as for the OS.
    const plain =
      address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
        ? (address as ipaddr.IPv6).toIPv4Address()
        : address;
    return this.entries.find(
      (entry) =>
        entry.kind === 'addresses' &&
        entry.range[0].kind() === plain.kind() &&
        plain.match(entry.range) &&
        portMatches(entry, port),
    );
  }
}

function portMatches(entry: AllowListEntry, port: number): boolean {
  return entry.port === undefined || entry.port === port;
}
