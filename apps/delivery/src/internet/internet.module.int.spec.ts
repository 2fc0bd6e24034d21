import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OutboundAddressPolicy, SERVICE_CONFIG, loadServiceConfig } from '@leadrail/nest-kit';
import { buildInternetRequest } from './internet-request';
import { InternetSender } from './internet-sender';
import { InternetModule } from './internet.module';
import { startRecordingServer } from './testing/recording-server';

/** What the service module of nest-kit provides globally, from the service's environment. */
function serviceModuleWith(allowedHosts: string): new () => object {
  @Global()
  @Module({
    providers: [
      {
        provide: SERVICE_CONFIG,
        useValue: loadServiceConfig('delivery', {
          DATABASE_URL: 'postgres://leadrail:secret@db:5432/leadrail',
          KAFKA_BROKERS: 'kafka-1:9092',
          OUTBOUND_ALLOWED_HOSTS: allowedHosts,
        }),
      },
      OutboundAddressPolicy,
    ],
    exports: [OutboundAddressPolicy],
  })
  class FakeServiceModule {}
  return FakeServiceModule;
}

describe(InternetModule.name, () => {
  it("provides the sender, guarded by the service's OUTBOUND_ALLOWED_HOSTS", async () => {
    const server = await startRecordingServer({
      '/leads': (_received, res) => res.writeHead(201).end('created'),
    });
    const request = buildInternetRequest({
      method: 'json',
      url: `${server.origin}/leads`,
      body: '{}',
      headers: {},
      soapAction: null,
      deliveryId: 'd-1',
      attempt: 1,
    });
    const answers: Record<string, string> = {};
    try {
      for (const allowedHosts of ['', `127.0.0.1:${server.port}`]) {
        @Module({ imports: [serviceModuleWith(allowedHosts), InternetModule] })
        class AppModule {}
        const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
        const answer = await app.get(InternetSender).send(request, { timeoutMs: 5_000 });
        answers[allowedHosts] = answer.kind === 'response' ? String(answer.status) : answer.code;
        await app.close();
      }
    } finally {
      await server.close();
    }
    expect(answers).toEqual({ '': 'blocked-address', [`127.0.0.1:${server.port}`]: '201' });
  });
});
