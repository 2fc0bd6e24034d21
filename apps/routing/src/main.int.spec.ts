import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

jest.setTimeout(60_000);

describe('routing service process', () => {
  it('refuses to start with every malformed variable named, its own and the common ones', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'main.ts')],
      {
        cwd: join(__dirname, '../../..'),
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: 'postgres://127.0.0.1:1/never',
          ROUTING_RETRY_POLL_MS: 'soon',
          ROUTING_RETRY_MAX_AGE_MINUTES: '0',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];

    expect(code).toBe(78);
    expect(output).toContain('routing: invalid configuration (4 problems)');
    expect(output).toContain('KAFKA_BROKERS: KAFKA_BROKERS is required');
    expect(output).toContain('OPERATOR_TOKENS: OPERATOR_TOKENS is required');
    expect(output).toContain(
      'ROUTING_RETRY_POLL_MS: ROUTING_RETRY_POLL_MS must be a whole number of milliseconds from 50 to 600000',
    );
    expect(output).toContain(
      'ROUTING_RETRY_MAX_AGE_MINUTES: ROUTING_RETRY_MAX_AGE_MINUTES must be a whole number of minutes',
    );
  });
});
