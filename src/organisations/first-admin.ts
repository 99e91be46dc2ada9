// An organisation and its first admin in one transaction (npm run foyer -- create-organisation): a
// refused admin (e-mail taken) leaves no organisation behind. The admin is in the audit trail as
// made from the command line.
import pino from 'pino';
import { audit } from '../audit/service.js';
import type { Ctx, Deps } from '../platform/context.js';
import { createUser, userView, type NewUserInput } from '../staff/service.js';
import { createOrganisation } from './service.js';
import { slugCandidate, slugOf } from './slug.js';

export async function createOrganisationWithAdmin(deps: Deps, name: string, admin: Omit<NewUserInput, 'role'>) {
  const now = deps.clock.now();
  // The free slug is found first: inside the transaction a taken one would end it on PostgreSQL.
  const taken = new Set((await deps.db.selectFrom('organisations').select('slug').execute()).map((o) => o.slug));
  let n = 1;
  while (taken.has(slugCandidate(slugOf(name), n))) n++;
  return deps.db.transaction().execute(async (tx) => {
    const org = await createOrganisation(tx, name, now, slugCandidate(slugOf(name), n));
    const user = await createUser(tx, org.id, { ...admin, role: 'admin' }, now);
    const ctx: Ctx = {
      db: tx, dialect: deps.dialect, orgId: org.id, clock: deps.clock, lang: 'en', log: pino({ level: 'silent' }),
      actor: { kind: 'user', id: 'system', orgId: org.id, role: 'admin', label: 'npm run foyer -- create-organisation' },
    };
    await audit(tx, ctx, { subject: 'user', subjectId: user.id, action: 'created', label: user.email, before: null, after: { email: user.email, name: user.name, role: user.role } });
    return { org, admin: userView(user) };
  });
}
