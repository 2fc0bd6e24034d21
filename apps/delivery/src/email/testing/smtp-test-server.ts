import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A message the test server took: its envelope and the parsed message. */
export interface ReceivedEmail {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
  readonly parsed: ParsedMail;
}

/** How the test server answers; by default it takes every message. */
export interface SmtpTestServerOptions {
  /** An SMTP code to refuse each recipient with (e.g. 550, 451). */
  readonly rejectRecipient?: number;
  /** An SMTP code to refuse each message with, after its data (e.g. 554, 452). */
  readonly rejectData?: number;
  /**
   * An SMTP code to refuse a recipient with, chosen per address and per
   * time it is seen (0 the first time); undefined takes it. E.g. a 451
   * the first time only: a transient failure a retry mends.
   */
  readonly refuseRecipient?: (address: string, seenBefore: number) => number | undefined;
  /** Require this login (AUTH PLAIN/LOGIN over the plain connection). */
  readonly login?: { user: string; pass: string };
}

/** A real SMTP server (`smtp-server`) on a free local port, keeping what it receives. */
export class SmtpTestServer {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    /** Every message taken, in order. */
    readonly received: readonly ReceivedEmail[],
  ) {}

  static async start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    const received: ReceivedEmail[] = [];
    const seen = new Map<string, number>();
    const refusal = (code: number, text: string) =>
      Object.assign(new Error(text), { responseCode: code });
    const serverOptions: SMTPServerOptions = {
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: options.login === undefined,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        const login = options.login;
        if (login && auth.username === login.user && auth.password === login.pass) {
          callback(null, { user: auth.username });
        } else {
          callback(refusal(535, 'Authentication failed'));
        }
      },
      onRcptTo(address, _session, callback) {
        const before = seen.get(address.address) ?? 0;
        seen.set(address.address, before + 1);
        if (options.rejectRecipient !== undefined) {
          callback(refusal(options.rejectRecipient, 'No such mailbox here'));
          return;
        }
        const code = options.refuseRecipient?.(address.address, before);
        callback(code === undefined ? null : refusal(code, 'Mailbox busy, try again later'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (options.rejectData !== undefined) {
            callback(refusal(options.rejectData, 'Message refused by policy'));
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              const from = session.envelope.mailFrom;
              received.push({
                from: from === false ? '' : from.address,
                to: session.envelope.rcptTo.map((to) => to.address),
                raw,
                parsed,
              });
              callback(null, 'Queued as TEST1');
            })
            .catch((error: Error) => callback(error));
        });
      },
    };
    const server = new SMTPServer(serverOptions);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    return new SmtpTestServer(server, port, received);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A server that greets like SMTP and then drops the connection on the first
 * command: what a crashing relay or a cut network looks like to a client.
 */
export async function startDroppingServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.write('220 flaky.test ESMTP\r\n');
    socket.once('data', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
