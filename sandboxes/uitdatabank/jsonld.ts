// Events as Search API v3 embeds them (embed=true): JSON-LD with @id URIs, localized names, the
// location with its address per language, the organizer with its labels.
import type { SandboxEvent, SandboxOrganizer, SandboxPlace } from './model.js';
import { IO_BASE } from './seed.js';

export const eventUri = (id: string) => `${IO_BASE}/event/${id}`;

export function placeJsonLd(p: SandboxPlace) {
  return {
    '@id': `${IO_BASE}/place/${p.id}`, '@type': 'Place', name: p.name, mainLanguage: 'nl',
    address: { nl: p.address }, calendarType: 'permanent', workflowStatus: 'APPROVED',
  };
}

export function organizerJsonLd(o: SandboxOrganizer) {
  return {
    '@id': `${IO_BASE}/organizers/${o.id}`, '@type': 'Organizer', name: o.name, mainLanguage: 'nl',
    ...(o.labels.length ? { labels: o.labels } : {}), ...(o.hiddenLabels.length ? { hiddenLabels: o.hiddenLabels } : {}),
    workflowStatus: 'ACTIVE',
  };
}

/** Without milliseconds and with an offset, as UiTdatabank writes dates. */
const atom = (iso: string) => iso.replace(/\.\d{3}Z$/, '+00:00').replace(/Z$/, '+00:00');

export function eventJsonLd(e: SandboxEvent, place: SandboxPlace, organizer: SandboxOrganizer | undefined) {
  return {
    '@id': eventUri(e.id), '@type': 'Event', '@context': '/contexts/event', mainLanguage: 'nl', name: e.name,
    ...(e.description ? { description: e.description } : {}),
    calendarType: e.calendarType,
    ...(e.startDate ? { startDate: atom(e.startDate) } : {}), ...(e.endDate ? { endDate: atom(e.endDate) } : {}),
    ...(e.calendarType === 'single' && e.startDate && e.endDate
      ? { subEvent: [{ '@type': 'Event', startDate: atom(e.startDate), endDate: atom(e.endDate), status: { type: 'Available' }, bookingAvailability: { type: 'Available' } }] }
      : {}),
    status: { type: 'Available' }, bookingAvailability: { type: 'Available' },
    location: placeJsonLd(place),
    ...(organizer ? { organizer: organizerJsonLd(organizer) } : {}),
    ...(e.labels.length ? { labels: e.labels } : {}), ...(e.hiddenLabels.length ? { hiddenLabels: e.hiddenLabels } : {}),
    workflowStatus: e.workflowStatus, audience: { audienceType: 'everyone' }, created: atom(e.created), languages: ['nl'], completedLanguages: ['nl'],
  };
}
