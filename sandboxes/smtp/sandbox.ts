// A strict stand-in for a mail server (SMTP submission with AUTH), with fault injection: it can be
// down (refusing connections), answer 4xx or 5xx at any step, or take a message and drop the
// connection before saying so (the ambiguous failure). Every accepted message is kept as raw MIME
// and parsed with mailparser; a message that is not a proper e-mail is refused with 554.
import net from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type SmtpStep = 'connect' | 'auth' | 'mail' | 'rcpt' | 'data';

export interface SmtpFault {
  /** Where to answer `code` instead of going on. */
  at: SmtpStep | 'drop-after-data';
  code?: number;
  message?: string;
  /** How many times (then the fault clears itself); every time when not given. */
  times?: number;
}

export interface Delivered {
  from: string;
  to: string[];
  raw: Buffer;
  mail: ParsedMail;
}

export interface SmtpSandbox {
  port: number;
  user: string;
  password: string;
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  /** Messages the server accepted (including those whose acceptance it then failed to report). */
  delivered: Delivered[];
  /** Every SMTP step tried, in order, as "step" or "step:code" when a fault answered. */
  log: string[];
  fault(f: SmtpFault | null): void;
  /** Stop listening: connections are refused until up(). */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(readonly responseCode: number, message: string) {
    super(message);
  }
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const srv = net.createServer();
  srv.once('error', reject);
  srv.listen(0, '127.0.0.1', () => {
    const { port } = srv.address() as net.AddressInfo;
    srv.close(() => resolve(port));
  });
});

/** What makes the sandbox refuse a message: what a real receiving system would bounce or flag. */
function violations(mail: ParsedMail, session: SMTPServerSession): string[] {
  const out: string[] = [];
  if (!mail.messageId || !/^<[^<>@\s]+@[^<>@\s]+>$/.test(mail.messageId)) out.push(`Message-ID missing or malformed (${mail.messageId ?? 'none'})`);
  if (!mail.date) out.push('Date missing');
  const from = mail.from?.value[0]?.address;
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  if (!from || from.toLowerCase() !== envelopeFrom.toLowerCase()) out.push(`From (${from}) is not the envelope sender (${envelopeFrom})`);
  if (!mail.subject) out.push('Subject missing');
  if (!mail.text) out.push('no text part');
  return out;
}

export async function startSmtpSandbox(opts: { port?: number; user?: string; password?: string } = {}): Promise<SmtpSandbox> {
  const port = opts.port ?? (await freePort());
  const user = opts.user ?? 'foyer';
  const password = opts.password ?? 'sandbox-secret';
  const delivered: Delivered[] = [];
  const log: string[] = [];
  let fault: SmtpFault | null = null;
  let server: SMTPServer | undefined;

  const faultAt = (step: SmtpFault['at']): Refusal | 'drop' | undefined => {
    if (!fault || fault.at !== step) return undefined;
    const f = fault;
    if (f.times !== undefined && --f.times <= 0) fault = null;
    return f.at === 'drop-after-data' ? 'drop' : new Refusal(f.code ?? 451, f.message ?? 'sandbox: try again later');
  };
  const step = (name: SmtpStep, cb: (err?: Error | null) => void) => {
    const f = faultAt(name);
    if (f instanceof Refusal) {
      log.push(`${name}:${f.responseCode}`);
      return cb(f);
    }
    log.push(name);
    cb();
  };

  const make = () => new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    logger: false,
    closeTimeout: 1000,
    onConnect: (_session, cb) => step('connect', cb),
    onAuth: (auth, _session, cb) => {
      const f = faultAt('auth');
      if (f instanceof Refusal) {
        log.push(`auth:${f.responseCode}`);
        return cb(f);
      }
      if (auth.username !== user || auth.password !== password) {
        log.push('auth:535');
        return cb(new Refusal(535, 'sandbox: authentication failed'));
      }
      log.push('auth');
      cb(null, { user });
    },
    onMailFrom: (_address, session, cb) => {
      if (!session.user) return cb(new Refusal(530, 'sandbox: authentication required'));
      step('mail', cb);
    },
    onRcptTo: (address, _session, cb) => {
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address.address)) return cb(new Refusal(553, 'sandbox: bad recipient address'));
      step('rcpt', cb);
    },
    onData: (stream: SMTPServerDataStream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          const raw = Buffer.concat(chunks);
          const f = faultAt('data');
          if (f instanceof Refusal) {
            log.push(`data:${f.responseCode}`);
            return cb(f);
          }
          const mail = await simpleParser(raw);
          const wrong = violations(mail, session);
          if (wrong.length) {
            log.push('data:554');
            return cb(new Refusal(554, `sandbox: not a proper e-mail: ${wrong.join('; ')}`));
          }
          delivered.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address), raw, mail,
          });
          if (faultAt('drop-after-data') === 'drop') {
            // Taken, but the client never hears so: it cannot know whether the message went.
            log.push('data:dropped');
            for (const c of (server as unknown as { connections: Set<{ id: string; _socket: net.Socket }> }).connections) {
              if (c.id === session.id) c._socket.destroy();
            }
            return;
          }
          log.push('data');
          cb(null, `OK: queued as ${session.id}`);
        })();
      });
    },
  });

  const up = async () => {
    if (server) return;
    server = make();
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server!.server.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
  };
  const down = async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await up();
  return {
    port, user, password, url: `smtp://${user}:${password}@127.0.0.1:${port}`, delivered, log,
    fault: (f) => { fault = f ? { ...f } : null; },
    down, up, close: down,
  };
}
