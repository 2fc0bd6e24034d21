import { createCipheriv, randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SealedPersonalData } from '@leadrail/leads-contracts';

/**
 * The leads service's personal-data-key endpoint as its OpenAPI document
 * describes it (`GET /leads/{leadId}/personal-data-key`, administrator
 * token; 410 once erased), for delivery's tests: leads are sealed here with
 * a key of their own, as the leads service seals them.
 */
export class LeadsKeyServer {
  readonly token = `delivery-test-${randomBytes(16).toString('hex')}`;
  private readonly keys = new Map<string, Buffer | 'erased'>();
  private server!: Server;
  url = '';

  static async start(): Promise<LeadsKeyServer> {
    const keys = new LeadsKeyServer();
    keys.server = createServer((request, response) => {
      const match = /^\/leads\/([0-9a-f-]{36})\/personal-data-key$/.exec(request.url ?? '');
      if (request.headers.authorization !== `Bearer ${keys.token}`) {
        response.writeHead(401).end();
        return;
      }
      const key = match ? keys.keys.get(match[1]!) : undefined;
      if (key === undefined || key === 'erased') {
        response.writeHead(key === 'erased' ? 410 : 404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ keyId: match![1], alg: 'A256GCM', key: key.toString('base64url') }),
      );
    });
    await new Promise<void>((resolve) => keys.server.listen(0, '127.0.0.1', resolve));
    keys.url = `http://127.0.0.1:${(keys.server.address() as AddressInfo).port}`;
    return keys;
  }

  /** Seals a contact under a new key of this lead, as the leads service does. */
  seal(leadId: string, contact: object): SealedPersonalData {
    const key = randomBytes(32);
    this.keys.set(leadId, key);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from(leadId, 'utf8'));
    const ciphertext = Buffer.concat([
      cipher.update(JSON.stringify(contact), 'utf8'),
      cipher.final(),
    ]);
    return {
      v: 1,
      alg: 'A256GCM',
      keyId: leadId,
      iv: iv.toString('base64url'),
      tag: cipher.getAuthTag().toString('base64url'),
      ciphertext: ciphertext.toString('base64url'),
    };
  }

  /** The lead's key is deleted (erasure): 410 from now on. */
  erase(leadId: string): void {
    this.keys.set(leadId, 'erased');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
