import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { INTERNET_LIMITS } from './internet-answer';
import { TransportFailureError } from './transport-failure';

/** A response body as kept for the answer. */
export interface KeptBody {
  readonly body: string;
  readonly truncated: boolean;
}

/** The caps of one read: the bytes kept, and the bytes read at most. */
export interface BodyLimits {
  readonly keptBodyBytes: number;
  readonly maxBodyBytes: number;
}

/**
 * Reads a (decompressed) response body to its end, keeping its first
 * `keptBodyBytes`. Past `maxBodyBytes` it stops reading, destroys the stream
 * and throws `response-too-large`. The kept bytes are decoded by the Content-Type's
 * charset (UTF-8 when none or unknown), a character cut by the cap dropped.
 */
export async function readKeptBody(
  stream: Readable,
  headers: Readonly<Record<string, string>>,
  limits: BodyLimits = INTERNET_LIMITS,
): Promise<KeptBody> {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > limits.maxBodyBytes) {
      stream.destroy();
      throw tooLarge(limits);
    }
    if (keptBytes < limits.keptBodyBytes) {
      const part = bytes.subarray(0, limits.keptBodyBytes - keptBytes);
      kept.push(part);
      keptBytes += part.length;
    }
  }
  const truncated = total > keptBytes;
  return { body: decode(Buffer.concat(kept), headers['content-type'], truncated), truncated };
}

function tooLarge(limits: BodyLimits): TransportFailureError {
  return new TransportFailureError({
    code: 'response-too-large',
    message: `the response body is longer than ${limits.maxBodyBytes} bytes, the most LeadRail reads`,
  });
}

function decode(bytes: Buffer, contentType: string | undefined, truncated: boolean): string {
  const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // Streaming mode holds back a character the cap cut in two instead of emitting U+FFFD.
  return decoder.decode(bytes, { stream: truncated });
}
