// Looking up a pass the way UiTPAS does, and its wire shape (Pass).
import type { Pass } from './model.js';
import { socialTariffState } from './rules.js';
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

/** For GET /passes (UiTPAS number, INSZ, INSZ barcode or chip number): 404 pass-not-found, 400 invalid-card-status. */
export function passByIdentifier(store: SandboxStore, identifier: string): Pass {
  const pass = store.passByIdentifier(identifier);
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

/** The wire's socialTariff and messages for the pass's state (a grace period answers ACTIVE with a past endDate). */
function socialTariffView(pass: Pass, now: Date): { socialTariff: Pass['socialTariff']; messages?: { level: string; text: string }[] } {
  const warn = (text: string) => [{ level: 'WARN', text }];
  switch (socialTariffState(pass)) {
    case 'grace': {
      const ended = new Date(now.getTime() - 10 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
      return { socialTariff: { status: 'ACTIVE', endDate: ended }, messages: warn(messages.passGraceWarning) };
    }
    case 'suspended': return { socialTariff: { status: 'NONE' }, messages: warn(messages.passSuspendedWarning) };
    case 'expired': return { socialTariff: { status: 'EXPIRED', endDate: pass.socialTariff.endDate ?? '2024-12-31T23:59:59+01:00' }, messages: warn(messages.passExpiredWarning) };
    case 'none': return { socialTariff: { status: 'NONE' } };
    case 'active': return { socialTariff: { status: 'ACTIVE', endDate: pass.socialTariff.endDate ?? '2030-12-31T23:59:59+01:00' } };
  }
}

export function passView(store: SandboxStore, pass: Pass, now: Date): Record<string, unknown> {
  const cs = store.cardSystem(pass.cardSystemId);
  const holder = pass.holder!;
  return {
    passholderId: holder.id,
    passType: pass.passType,
    uitpasNumber: pass.uitpasNumber,
    firstName: holder.firstName,
    points: pass.points,
    postalCode: holder.postalCode,
    ...socialTariffView(pass, now),
    cardSystem: { id: pass.cardSystemId, name: cs?.name ?? '', cities: cs?.cities ?? [], permanent: true },
  };
}
