// npm run foyer -- <command>
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { randomToken } from './platform/ids.js';
import { Problem, renderProblem } from './platform/problems.js';
import { ROLES, type Role } from './staff/tables.js';
// The database and the capabilities are imported once the command line is known to be good,
// so `help` and usage errors answer at once.

const USAGE = `Usage: npm run foyer -- <command> [options]

Commands:
  migrate                                   apply database migrations
  seed-demo                                 load the demo organisation "Demo Schouwburg"
  create-organisation --name NAME [--admin-email E --admin-name N [--admin-password P]]
                                            create an organisation (prints its id) and its first admin
                                            (a password is generated and printed if none is given)
  create-user --org ID --email E --name N --role admin|boxoffice|reporting [--password P]
                                            create a staff user (a password is generated if none is given)
  create-api-client --org ID --name N [--role admin|boxoffice|reporting]
                                            create an API client; prints its id and secret once
  backup FILE                               copy the SQLite database to FILE while Foyer runs (PostgreSQL: pg_dump)
  restore FILE                              put the backup FILE in place of the SQLite database (Foyer stopped)

The database is the one the server would use: DATABASE_URL, else FOYER_DB (./data/foyer.sqlite).`;

const COMMANDS = ['migrate', 'seed-demo', 'create-organisation', 'create-user', 'create-api-client'] as const;
type Command = (typeof COMMANDS)[number];

class UsageError extends Error {}

/** A Problem as one readable English line, e.g. "Invalid input: email is already in use". */
function problemText(p: Problem): string {
  const doc = renderProblem(p, 'en');
  const fields = (doc.errors ?? []).map((e) => `${e.field} ${e.message}`);
  return fields.length ? `${doc.title}: ${fields.join('; ')}` : `${doc.title}: ${doc.detail}`;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'backup' || command === 'restore') {
    // No boot: a backup must not migrate the live database, and a restore must not open the one it replaces.
    const { runBackupCommand } = await import('./backup/command.js');
    return runBackupCommand(command, rest, loadConfig());
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Unknown command: ${command}`);
  const { values } = (() => {
    try {
      return parseArgs({
        args: rest,
        options: {
          org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' },
          role: { type: 'string' }, password: { type: 'string' },
          'admin-email': { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-password': { type: 'string' },
        },
      });
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  })();
  const need = (name: keyof typeof values): string => {
    const v = values[name];
    if (!v) throw new UsageError(`--${name} is required`);
    return v;
  };
  const role = (fallback: Role): Role => {
    const r = values.role ?? fallback;
    if (!ROLES.includes(r as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    return r as Role;
  };
  // Options are checked before the database is opened, so a typo changes nothing.
  const cmd = command as Command;
  const checkLogin = (email: string, password: string | undefined, prefix = '--') => {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(`${prefix}email must be an e-mail address`);
    if (password !== undefined && password.length < 10) throw new UsageError(`${prefix}password must be at least 10 characters`);
  };
  if (cmd === 'create-organisation') {
    need('name');
    const admin = values['admin-email'] !== undefined || values['admin-name'] !== undefined || values['admin-password'] !== undefined;
    if (admin) { need('admin-name'); checkLogin(need('admin-email'), values['admin-password'], '--admin-'); }
  }
  if (cmd === 'create-user') {
    need('org'); need('name'); role('boxoffice');
    checkLogin(need('email'), values.password);
  }
  if (cmd === 'create-api-client') { need('org'); need('name'); role('admin'); }

  const config = loadConfig();
  const [{ boot }, { createLogger }, { demoLoginText, seedDemo }, { createApiClient, createUser }, { createOrganisation, getOrganisation }, { createOrganisationWithAdmin }] = await Promise.all([
    import('./boot.js'), import('./platform/logger.js'), import('./demo/seed.js'), import('./staff/service.js'), import('./organisations/service.js'),
    import('./organisations/first-admin.js'),
  ]);
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const { handle, deps, applied } = await boot(config, log);
  const now = deps.clock.now();
  try {
    switch (cmd) {
      case 'migrate':
        console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}` : 'Migrations are up to date.');
        return 0;
      case 'seed-demo':
        await seedDemo(deps, log);
        console.log(demoLoginText(config.publicUrl));
        return 0;
      case 'create-organisation': {
        if (!values['admin-email']) {
          const org = await createOrganisation(deps.db, need('name'), now);
          console.log(`Organisation created: ${org.id}`);
          return 0;
        }
        const password = values['admin-password'] ?? randomToken(15);
        const { org, admin } = await createOrganisationWithAdmin(deps, need('name'), { email: need('admin-email'), name: need('admin-name'), password });
        console.log(`Organisation created: ${org.id}\nAdmin: ${admin.email}${values['admin-password'] ? '' : `\nPassword: ${password}`}`);
        console.log(`Log in at ${config.publicUrl}/ and open Beheer / Manage to set up venues, halls, productions and prices.`);
        return 0;
      }
      case 'create-user': {
        const org = await getOrganisation(deps.db, need('org'));
        const password = values.password ?? randomToken(15);
        const user = await createUser(deps.db, org.id, { email: need('email'), name: need('name'), role: role('boxoffice'), password }, now);
        console.log(`User created: ${user.email} (${user.role})${values.password ? '' : `\nPassword: ${password}`}`);
        return 0;
      }
      case 'create-api-client': {
        const org = await getOrganisation(deps.db, need('org'));
        const c = await createApiClient(deps.db, org.id, need('name'), role('admin'), now);
        console.log(`API client created.\n  client_id:     ${c.clientId}\n  client_secret: ${c.clientSecret}\n(The secret is shown only now.)`);
        return 0;
      }
    }
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
    else if (err instanceof Problem) console.error(problemText(err));
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
