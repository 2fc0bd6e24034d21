import { internalHostNameReason } from './internal-host-name';

describe(internalHostNameReason.name, () => {
  it.each([
    ['localhost', '"localhost" ends in ".localhost", reserved for the local host (RFC 6761)'],
    [
      'foo.localhost',
      '"foo.localhost" ends in ".localhost", reserved for the local host (RFC 6761)',
    ],
    [
      'box.localdomain',
      `"box.localdomain" ends in ".localdomain", the local host's own domain in /etc/hosts`,
    ],
    [
      'printer.local',
      '"printer.local" ends in ".local", multicast DNS on the local link (RFC 6762)',
    ],
    [
      'metadata.google.internal',
      '"metadata.google.internal" ends in ".internal", reserved for private networks (ICANN, 2024); cloud metadata lives here',
    ],
    [
      'nas.home.arpa',
      '"nas.home.arpa" ends in ".home.arpa", reserved for home networks (RFC 8375)',
    ],
    [
      'router.lan',
      '"router.lan" ends in ".lan", a private-network suffix that is not delegated in the public DNS',
    ],
    [
      'crm.corp',
      '"crm.corp" ends in ".corp", a private-network suffix that is not delegated in the public DNS',
    ],
    [
      'wiki.home',
      '"wiki.home" ends in ".home", a private-network suffix that is not delegated in the public DNS',
    ],
    [
      'hr.intranet',
      '"hr.intranet" ends in ".intranet", a private-network suffix that is not delegated in the public DNS',
    ],
    [
      'db.private',
      '"db.private" ends in ".private", a private-network suffix that is not delegated in the public DNS',
    ],
    [
      'intranet',
      '"intranet" ends in ".intranet", a private-network suffix that is not delegated in the public DNS',
    ],
    ['metadata', '"metadata" is a single-label name, which only resolves inside a network'],
    ['kafka-1', '"kafka-1" is a single-label name, which only resolves inside a network'],
  ])('refuses %s', (name, reason) => {
    expect(internalHostNameReason(name)).toBe(reason);
  });

  it.each([
    'api.partner.example',
    'partner.com',
    'localhost.example.com',
    'internal.example.com',
    'local.co.uk',
    'mylocal.com',
    'xn--bcher-kva.de',
  ])('lets %s through to resolution', (name) => {
    expect(internalHostNameReason(name)).toBeUndefined();
  });
});
