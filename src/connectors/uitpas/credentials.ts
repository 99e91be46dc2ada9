// The UiTPAS client secret at rest (see platform/sealed.ts).
import type { Db } from '../../platform/db.js';
import { seal, unseal } from '../../platform/sealed.js';

const PURPOSE = 'uitpas-credentials';

export const sealSecret = (db: Db, plain: string, now: Date): Promise<string> => seal(db, PURPOSE, plain, now);
export const openSecret = (db: Db, sealed: string, now: Date): Promise<string> => unseal(db, PURPOSE, sealed, now);
