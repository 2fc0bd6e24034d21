import { createCipheriv, randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SealedPersonalData } from '@leadrail/leads-contracts';

const KEY_PATH = /^\/leads\/([0-9a-f-]{36})\/personal-data-key$/;

/**
 * The leads service's personal-data-key endpoint for the benchmark
 * (`GET /leads/{leadId}/personal-data-key` with an administrator token, as
 * its OpenAPI document describes it), and the sealing of contacts under one
 * key per lead, as the leads service seals them (the envelope's schema,
 * `SealedPersonalData`). A benchmark's own: the lint boundaries do not let
 * bench/ import the delivery app's test server. It runs in the benchmark's
 * process; delivery fetches a key for every attempt, so its answer is part
 * of what is measured.
 */
export class LeadsKeys {
  readonly token = `bench-delivery-${randomBytes(16).toString('hex')}`;
  private readonly keys = new Map<string, Buffer>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<LeadsKeys> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const keys = new LeadsKeys(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    server.on('request', (request, response) => {
      const leadId = KEY_PATH.exec(request.url ?? '')?.[1];
      if (request.headers.authorization !== `Bearer ${keys.token}`) {
        response.writeHead(401).end();
        return;
      }
      const key = leadId === undefined ? undefined : keys.keys.get(leadId);
      if (key === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ keyId: leadId, alg: 'A256GCM', key: key.toString('base64url') }),
      );
    });
    return keys;
  }

  /** `contact` sealed under a new key of the lead (AES-256-GCM, the lead id as AAD). */
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

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
