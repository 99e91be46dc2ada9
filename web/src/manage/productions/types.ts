// A production as GET /api/productions answers it.
import type { Lang } from '../../i18n/dictionary.js';

export interface Production {
  id: string;
  title: string;
  subtitle: string;
  producer: string;
  genre: string;
  description: string;
  imageUrl: string | null;
  dipProductionId: string | null;
  durationMinutes: number | null;
  ageAdvice: string;
  uitdatabankEventId: string | null;
  uitpasEnabled: boolean;
  languages: Lang[];
}
export type ProductionDraft = Omit<Production, 'id'>;

export const TEXT_LANGUAGES: Lang[] = ['nl', 'fr', 'en'];
export const PAGE_SIZE = 20;
