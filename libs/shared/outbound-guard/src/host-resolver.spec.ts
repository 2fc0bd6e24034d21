import { createDnsResolver } from './host-resolver';

describe(createDnsResolver.name, () => {
  const resolve = createDnsResolver();

  it('resolves a name through the system resolver, /etc/hosts included', async () => {
    await expect(resolve('localhost')).resolves.toContain('127.0.0.1');
  });

  it('rejects with the resolver code for a name that cannot exist (.invalid, RFC 6761)', async () => {
    const error: unknown = await resolve('no-such-host.invalid').catch((thrown: unknown) => thrown);
    expect(['ENOTFOUND', 'EAI_AGAIN', 'ENODATA']).toContain((error as { code?: string }).code);
  });
});
