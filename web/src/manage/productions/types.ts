// A production as GET /api/productions answers it (the server's own view type; type-only, nothing of src/ is bundled).
import type { Lang } from '../../i18n/dictionary.js';
import type { ProductionView } from '../../../../src/productions/service.js';

export type Production = ProductionView;
export type ProductionDraft = Omit<Production, 'id'>;

export const TEXT_LANGUAGES: Lang[] = ['nl', 'fr', 'en'];
export const PAGE_SIZE = 20;
