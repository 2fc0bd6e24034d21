/**
 * The leads service in a process of its own, for the consumer crash test
 * (configured by the usual environment variables). Prints `READY` once
 * consuming and `RECEIVED <partition>/<offset>` per message. With
 * BLOCK_AFTER_EFFECT_OF=<event id> an extra handler runs after the real one and,
 * for that event only, never returns: the real effect is committed, the offset
 * is not, and the test kills the process right there. (Other tests publish to
 * the same topic; their events pass.)
 */
import 'reflect-metadata';
import { InboundEvents, loadServiceConfig, startService } from '@leadrail/nest-kit';
import { leadsService } from '../leads.service';

async function main(): Promise<void> {
  const blocked = process.env.BLOCK_AFTER_EFFECT_OF;
  // Registered before consuming starts, so no delivery can pass unseen.
  const { app } = await startService(leadsService, loadServiceConfig('leads', process.env), {
    beforeConsuming: (started) => {
      const inbound = started.get(InboundEvents);
      inbound.tap((message) =>
        process.stdout.write(`RECEIVED ${message.partition}/${message.offset}\n`),
      );
      if (blocked) {
        inbound.addHandler({
          name: 'test.block-after-effect',
          eventTypes: ['LeadReceived'],
          handle: async (event) => {
            if (event.eventId === blocked) {
              process.stdout.write(`EFFECT_DONE ${event.eventId}\n`);
              await new Promise(() => undefined);
            }
          },
        });
      }
    },
  });
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
