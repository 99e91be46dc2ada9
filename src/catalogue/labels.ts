// Every label the /v1 API writes itself (statuses, ranks, the online "venue"), in Utick's four languages.
import type { UtickLanguage } from './envelope.js';

type Texts = Record<UtickLanguage, string>;

export const EVENT_STATUS_LABELS: Record<number, Texts> = {
  10: { en: 'Published', fr: 'Publié', nl: 'Gepubliceerd', de: 'Veröffentlicht' },
  11: { en: 'Published without booking', fr: 'Publié sans réservation', nl: 'Gepubliceerd zonder reservering', de: 'Veröffentlicht ohne Buchung' },
  20: { en: 'Cancelled', fr: 'Annulé', nl: 'Geannuleerd', de: 'Abgesagt' },
  30: { en: 'Sold out', fr: 'Complet', nl: 'Uitverkocht', de: 'Ausverkauft' },
};

export const STREAM_STATUS_LABELS: Record<number, Texts> = {
  10: EVENT_STATUS_LABELS[10],
  11: { en: 'No booking', fr: 'Pas de réservation', nl: 'Geen reservering', de: 'Keine Buchung' },
  20: EVENT_STATUS_LABELS[20],
};

export const ORDER_STATUS_LABELS: Record<number, Texts> = {
  [-20]: { en: 'Abandoned', fr: 'Abandonnée', nl: 'Verlaten', de: 'Abgebrochen' },
  [-10]: EVENT_STATUS_LABELS[20],
  0: { en: 'Creating', fr: 'En cours', nl: 'Bezig', de: 'In Bearbeitung' },
  1: { en: 'Confirmed', fr: 'Confirmée', nl: 'Bevestigd', de: 'Bestätigt' },
  10: { en: 'To pay', fr: 'À payer', nl: 'Te betalen', de: 'Zu bezahlen' },
  15: { en: 'Paid', fr: 'Payée', nl: 'Betaald', de: 'Bezahlt' },
};

const UNKNOWN: Texts = { en: 'Unknown', fr: 'Inconnu', nl: 'Onbekend', de: 'Unbekannt' };

export const statusObject = (labels: Record<number, Texts>, id: number, lang: UtickLanguage) => ({ id, label: (labels[id] ?? UNKNOWN)[lang] });

export const RANK_LABEL: Texts = { en: 'Rank', fr: 'Rang', nl: 'Rang', de: 'Rang' };

/** A stream without a venue is watched online; the client reads a venue on every stream. */
export const ONLINE_VENUE_LABEL: Texts = { en: 'Online', fr: 'En ligne', nl: 'Online', de: 'Online' };
