// Foyer as a person runs it: the real server and CLI as child processes.
import { execFile, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.js';
import type { TestDatabase } from '../helpers/databases.js';
import { REPO, TSX, freePort, spawnServer } from '../helpers/process.js';

export { REPO, freePort };

/** The environment of a child: this one's, without anything that would pick a database or port. */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'FOYER_DB', 'HOST', 'PORT', 'FOYER_PUBLIC_URL', 'FOYER_DEMO', 'LOG_LEVEL']) delete base[k];
  return { ...base, ...env };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run foyer -- <args>`, without npm's own chatter. */
export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, path.join(REPO, 'src/cli.ts'), ...args], { env: childEnv(env), cwd: REPO, timeout: 100_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface FoyerProcess {
  baseUrl: string;
  child: ChildProcess;
  stdout(): string;
  /** Resolves once stdout matches: the banner may reach this end of the pipe after /health has answered. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `npm start` in `cwd`: resolves once /health answers. */
export async function startFoyer(env: Record<string, string | undefined>, cwd = REPO): Promise<FoyerProcess> {
  const port = await freePort();
  const server = await spawnServer(childEnv({ HOST: '127.0.0.1', PORT: String(port), ...env }), cwd);
  const { child } = server;
  return {
    baseUrl: server.baseUrl, child, stdout: server.stdout,
    async printed(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(server.stdout()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return server.stdout();
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await server.exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Foyer in this process on a database a child process wrote, to check what the child printed. */
export function inProcessFoyer(db: TestDatabase) {
  let handle: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  return {
    async app(): Promise<FastifyInstance> {
      if (!app) {
        handle = openDatabase({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
        app = await buildApp({ db: handle.db, dialect: db.dialect, clock: systemClock });
      }
      return app;
    },
    handle: (): DatabaseHandle | undefined => handle,
    async close(): Promise<void> {
      await app?.close();
      await handle?.close();
    },
  };
}
