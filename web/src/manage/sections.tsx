// The back office's sections, in the order the side list shows them. A section is one folder under
// manage/ with its own screen and words; add it here with one line.
import type { ReactElement } from 'react';
import type { Lang } from '../i18n/dictionary.js';
import type { User } from '../api/types.js';
import { VenuesSection } from './venues/VenuesSection.js';
import { SECTION_LABEL as VENUES_LABEL } from './venues/words.js';

export interface SectionProps { user: User }

export interface Section {
  id: string;
  label: Record<Lang, string>;
  /** Roles that see the section; reporting users see some read-only (the section decides what it hides). */
  roles: User['role'][];
  render: (p: SectionProps) => ReactElement;
}

export const SECTIONS: Section[] = [
  { id: 'venues', label: VENUES_LABEL, roles: ['admin', 'reporting'], render: (p) => <VenuesSection {...p} /> },
];
