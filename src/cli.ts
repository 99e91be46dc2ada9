// npm run foyer -- <command>
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { boot } from './boot.js';
import { createLogger } from './platform/logger.js';
import { demoLoginText, seedDemo } from './demo/seed.js';
import { createApiClient, createUser } from './staff/service.js';
import { createOrganisation } from './organisations/service.js';
import { ROLES, type Role } from './staff/tables.js';

const USAGE = `Usage: npm run foyer -- <command> [options]

Commands:
  migrate                                   apply database migrations
  seed-demo                                 load the demo organisation "Demo Schouwburg"
  create-organisation --name NAME           create an organisation (prints its id)
  create-user --org ID --email E --name N --role admin|boxoffice|reporting [--password P]
                                            create a staff user (a password is generated if none is given)
  create-api-client --org ID --name N [--role admin|boxoffice|reporting]
                                            create an API client; prints its id and secret once

The database is the one the server would use: DATABASE_URL, else FOYER_DB (./data/foyer.sqlite).`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' },
      role: { type: 'string' }, password: { type: 'string' },
    },
  });
  const config = loadConfig();
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const { handle, deps } = await boot(config, log);
  const now = deps.clock.now();
  const need = (name: keyof typeof values): string => {
    const v = values[name];
    if (!v) throw new Error(`--${name} is required\n\n${USAGE}`);
    return v;
  };
  const role = (fallback: Role): Role => {
    const r = values.role ?? fallback;
    if (!ROLES.includes(r as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    return r as Role;
  };
  try {
    switch (command) {
      case 'migrate':
        console.log('Migrations are up to date.');
        return 0;
      case 'seed-demo':
        await seedDemo(deps, log);
        console.log(demoLoginText(config.publicUrl));
        return 0;
      case 'create-organisation': {
        const org = await createOrganisation(deps.db, need('name'), now);
        console.log(`Organisation created: ${org.id}`);
        return 0;
      }
      case 'create-user': {
        const password = values.password ?? Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
        if (password.length < 10) throw new Error('--password must be at least 10 characters');
        const user = await createUser(deps.db, need('org'), { email: need('email'), name: need('name'), role: role('boxoffice'), password }, now);
        console.log(`User created: ${user.email} (${user.role})${values.password ? '' : `\nPassword: ${password}`}`);
        return 0;
      }
      case 'create-api-client': {
        const c = await createApiClient(deps.db, need('org'), need('name'), role('admin'), now);
        console.log(`API client created.\n  client_id:     ${c.clientId}\n  client_secret: ${c.clientSecret}\n(The secret is shown only now.)`);
        return 0;
      }
      default:
        console.error(`Unknown command: ${command}\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
