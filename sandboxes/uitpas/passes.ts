// Looking up a pass the way UiTPAS does, and its wire shape (Pass).
import type { Pass } from './model.js';
import { probs } from './problems.js';
import type { SandboxStore } from './store.js';
import { messages } from './texts.js';

export const UITPAS_NUMBER = /^\d{13}$/;

/** Card status other than ACTIVE: invalid-card-status, with the status (and holder) as publiq adds them. */
function invalidCardStatus(pass: Pass) {
  const blocked = pass.cardStatus === 'BLOCKED' || pass.cardStatus === 'DELETED';
  return probs.problem('uitpas/invalid-card-status', 400, 'Invalid card status', {
    detail: `Card ${pass.uitpasNumber} has status ${pass.cardStatus}.`,
    cardStatus: pass.cardStatus,
    passType: pass.passType,
    ...(blocked && pass.holder ? { passholderId: pass.holder.id } : {}),
    endUserMessage: blocked ? messages.cardBlocked() : messages.cardNotActive(),
  });
}

/** For GET /passes: 404 pass-not-found, 400 invalid-card-status. */
export function passByIdentifier(store: SandboxStore, identifier: string): Pass {
  const pass = store.pass(identifier.trim());
  if (!pass) throw probs.passNotFound();
  if (pass.cardStatus !== 'ACTIVE' || !pass.holder) throw invalidCardStatus(pass);
  return pass;
}

/** For tariffs and ticket sales: invalid-uitpasnumber, passholder-not-found, invalid-card-status. */
export function passForSale(store: SandboxStore, uitpasNumber: string): Pass {
  if (!UITPAS_NUMBER.test(uitpasNumber)) throw probs.invalidUitpasNumber(uitpasNumber);
  const pass = store.pass(uitpasNumber);
  if (!pass) throw probs.passholderNotFound(uitpasNumber);
  if (pass.cardStatus !== 'ACTIVE' || !pass.holder) throw invalidCardStatus(pass);
  return pass;
}

export function passView(store: SandboxStore, pass: Pass): Record<string, unknown> {
  const cs = store.cardSystem(pass.cardSystemId);
  const holder = pass.holder!;
  return {
    passholderId: holder.id,
    passType: pass.passType,
    uitpasNumber: pass.uitpasNumber,
    firstName: holder.firstName,
    points: pass.points,
    postalCode: holder.postalCode,
    socialTariff: pass.socialTariff,
    ...(pass.socialTariff.status === 'EXPIRED' ? { messages: [{ level: 'WARN', text: messages.passExpiredWarning }] } : {}),
    cardSystem: { id: pass.cardSystemId, name: cs?.name ?? '', cities: cs?.cities ?? [], permanent: true },
  };
}
