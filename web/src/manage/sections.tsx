// The back office's sections, in the order the side list shows them. A section is one folder under
// manage/ with its own screen and words; add it here with one line.
import type { ReactElement } from 'react';
import type { Lang } from '../i18n/dictionary.js';
import type { User } from '../api/types.js';
import { VenuesSection } from './venues/VenuesSection.js';
import { SECTION_LABEL as VENUES_LABEL } from './venues/words.js';
import { ProductionsSection } from './productions/ProductionsSection.js';
import { SECTION_LABEL as PRODUCTIONS_LABEL } from './productions/words.js';
import { TicketTypesSection } from './ticket-types/TicketTypesSection.js';
import { SECTION_LABEL as TICKET_TYPES_LABEL } from './ticket-types/words.js';
import { PeopleSection } from './people/PeopleSection.js';
import { SECTION_LABEL as PEOPLE_LABEL } from './people/words.js';
import { JobsSection } from './jobs/JobsSection.js';
import { SECTION_LABEL as JOBS_LABEL } from './jobs/words.js';
import { CatalogueSection } from './catalogue/CatalogueSection.js';
import { SECTION_LABEL as CATALOGUE_LABEL } from './catalogue/words.js';
import { ConnectorsSection } from './connectors/ConnectorsSection.js';
import { SECTION_LABEL as CONNECTORS_LABEL } from './connectors/words.js';
import { AuditSection } from './audit/AuditSection.js';
import { SECTION_LABEL as AUDIT_LABEL } from './audit/words.js';

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
  { id: 'productions', label: PRODUCTIONS_LABEL, roles: ['admin', 'reporting'], render: (p) => <ProductionsSection {...p} /> },
  { id: 'ticket-types', label: TICKET_TYPES_LABEL, roles: ['admin', 'reporting'], render: (p) => <TicketTypesSection {...p} /> },
  { id: 'catalogue', label: CATALOGUE_LABEL, roles: ['admin'], render: () => <CatalogueSection /> },
  { id: 'people', label: PEOPLE_LABEL, roles: ['admin'], render: (p) => <PeopleSection {...p} /> },
  { id: 'jobs', label: JOBS_LABEL, roles: ['admin'], render: () => <JobsSection /> },
  { id: 'connectors', label: CONNECTORS_LABEL, roles: ['admin'], render: () => <ConnectorsSection /> },
  { id: 'audit', label: AUDIT_LABEL, roles: ['admin'], render: () => <AuditSection /> },
];
