import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OutboundAddressErrorCode } from '@leadrail/outbound-guard';
import { SERVICE_CONFIG, loadServiceConfig } from '../config/service-config';
import { OutboundAddressPolicy } from './outbound-address-policy';

const ENV = {
  DATABASE_URL: 'postgres://leadrail:secret@db:5432/leadrail',
  KAFKA_BROKERS: 'kafka-1:9092',
  OUTBOUND_ALLOWED_HOSTS: 'localhost:8080,10.20.0.0/16',
};

/** The policy as Nest builds it from SERVICE_CONFIG. */
async function policyFor(env: NodeJS.ProcessEnv): Promise<OutboundAddressPolicy> {
  @Module({
    providers: [
      { provide: SERVICE_CONFIG, useValue: loadServiceConfig('partners', env) },
      OutboundAddressPolicy,
    ],
  })
  class PolicyModule {}
  const context = await NestFactory.createApplicationContext(PolicyModule, { logger: false });
  const policy = context.get(OutboundAddressPolicy);
  await context.close();
  return policy;
}

describe(OutboundAddressPolicy.name, () => {
  it('applies OUTBOUND_ALLOWED_HOSTS from the service configuration', async () => {
    const policy = await policyFor(ENV);
    await expect(policy.check('http://localhost:8080/leads')).resolves.toMatchObject({
      allowed: true,
      allowListedBy: 'localhost:8080',
    });
    await expect(policy.check('http://10.20.3.4/leads')).resolves.toMatchObject({
      allowed: true,
      allowListedBy: '10.20.0.0/16',
    });
    await expect(policy.check('http://localhost:9090/leads')).resolves.toMatchObject({
      allowed: false,
      code: OutboundAddressErrorCode.INTERNAL_HOST_NAME,
    });
  });

  it('refuses internal addresses when nothing is allow-listed', async () => {
    const policy = await policyFor({ ...ENV, OUTBOUND_ALLOWED_HOSTS: undefined });
    await expect(policy.check('http://169.254.169.254/')).resolves.toMatchObject({
      allowed: false,
      code: OutboundAddressErrorCode.INTERNAL_ADDRESS,
      host: '169.254.169.254',
    });
    await expect(policy.assertAllowed('http://[::1]/')).rejects.toMatchObject({
      code: OutboundAddressErrorCode.INTERNAL_ADDRESS,
    });
  });

  it('asks the real DNS: a name that cannot exist is unresolvable', async () => {
    const policy = await policyFor(ENV);
    await expect(policy.check('https://no-such-host.invalid/leads')).resolves.toMatchObject({
      allowed: false,
      code: OutboundAddressErrorCode.UNRESOLVABLE_HOST,
      host: 'no-such-host.invalid',
    });
  });

  it('builds a lookup for a URL and refuses one for a non-http URL', async () => {
    const policy = await policyFor(ENV);
    expect(policy.lookupFor('https://api.partner.example/leads')).toBeInstanceOf(Function);
    expect(() => policy.lookupFor('file:///etc/passwd')).toThrow('not "file:"');
  });
});
