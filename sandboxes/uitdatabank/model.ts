// What the UiTdatabank sandbox holds: places, organizers and events, as Search API v3 shows them.
export type Lang = 'nl' | 'fr' | 'de' | 'en';
export type Localized = Partial<Record<Lang, string>> & { nl: string };

export interface SandboxPlace {
  id: string;
  name: Localized;
  address: { addressCountry: string; addressLocality: string; postalCode: string; streetAddress: string };
}

export interface SandboxOrganizer {
  id: string;
  name: Localized;
  labels: string[];
  hiddenLabels: string[];
}

export const WORKFLOW_STATUSES = ['DRAFT', 'READY_FOR_VALIDATION', 'APPROVED', 'REJECTED', 'DELETED'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export interface SandboxEvent {
  id: string;
  name: Localized;
  description?: Localized;
  /** single: one startDate/endDate; permanent: none. */
  calendarType: 'single' | 'permanent';
  startDate?: string;
  endDate?: string;
  locationId: string;
  organizerId: string | null;
  labels: string[];
  hiddenLabels: string[];
  workflowStatus: WorkflowStatus;
  created: string;
}

export interface SandboxClient {
  clientId: string;
  /** false: the client exists but has no Search API access (403). */
  searchApi: boolean;
}
