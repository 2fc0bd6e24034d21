import { createServer } from 'node:net';

/** Asks the kernel for a free TCP port on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('could not read the port the kernel assigned'));
        }
      });
    });
  });
}

/**
 * The first of `count` consecutive free TCP ports (a launcher's base port and
 * the ones after it), below the kernel's ephemeral range, so the ports the
 * kernel hands Kafka and PostgreSQL meanwhile cannot land in the block.
 */
export async function findFreePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = Array.from({ length: count }, (_, index) => base + index);
    if ((await Promise.all(ports.map((port) => isPortFree(port)))).every(Boolean)) {
      return base;
    }
  }
  throw new Error(`found no ${count} consecutive free ports`);
}

/** Whether nothing listens on `port` (on `host`, every interface by default). */
export function isPortFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
