// Words of the catalogue section (packs with their sets and stocks, streams, catalogue keys), in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  section: 'Catalogus', packs: 'Pakketten', streams: 'Streams', keys: 'Catalogussleutels',
  // packs
  newPack: 'Nieuw pakket', searchPacks: 'Zoek op naam', noPacks: 'Nog geen pakketten.', noMatch: 'Niets gevonden.',
  page: '{from}–{to} van {total}', published: 'Gepubliceerd', notPublished: 'Offline', publish: 'Publiceren', unpublish: 'Offline halen',
  label: 'Naam', description: 'Beschrijving', typeId: 'Soort', 'type-1': 'Abonnement (vaste voorstellingen)', 'type-10': 'Bundel',
  'type-20': 'Passe-partout (bijv. 10 plaatsen naar keuze)', 'type-100': 'Kaart (bijv. toegang tot een stream)',
  imageUrl: 'Afbeelding (adres)', imageHint: 'https://… een JPEG of PNG', shopUrl: 'Adres in de webwinkel', price: 'Prijs',
  priceHint: 'in euro, btw inbegrepen, bijv. 120 of 99,50', badPrice: 'geef een bedrag in euro, bijv. 99,50',
  ticketTypeId: 'Tickettype van de plaatsen', ticketTypeHint: 'Plaatsen genomen met het pakket krijgen dit type, aan € 0',
  chooseTicketType: '— kies een tickettype —', validFrom: 'Geldig vanaf', validUntil: 'Geldig tot', validHint: 'leeg: geen grens',
  perPerformanceMax: 'Plaatsen per voorstelling', perPerformanceHint: 'Hoeveel plaatsen één houder voor dezelfde voorstelling neemt',
  publishedBox: 'Gepubliceerd: te koop en zichtbaar voor sites en apps (/v1)', savePack: 'Pakket opslaan', packSaved: 'Pakket opgeslagen',
  deletePack: 'Pakket verwijderen',
  confirmDeletePack: '"{name}" verwijderen? Het pakket en zijn {sets} set(s) verdwijnen uit Foyer en uit de /v1-catalogus. Dat kan alleen zolang niemand het kocht en het in geen mandje zit, en kan niet ongedaan worden.',
  packInUse: 'Dit pakket is al verkocht of zit in een mandje: het kan niet verwijderd worden. Haal het offline om de verkoop te stoppen.',
  setsLocked: 'Klanten hebben dit pakket al: de sets en hun voorstellingen liggen vast. Naam, prijs, teksten en publicatie kunnen nog wijzigen.',
  sets: 'Sets', setsHint: 'Een set is een groep voorstellingen (of streams); een houder neemt er tussen min en max plaatsen uit.',
  addSet: '+ Set', removeSet: 'Set weghalen', setLabel: 'Naam van de set', itemnbMin: 'Min', itemnbMax: 'Max', setNumber: 'Set {n}',
  stocks: 'Voorstellingen en streams', noStocks: 'Nog niets in deze set.', ranks: 'Rangen', ranksHint: 'leeg: elke rang; bijv. 1, 2',
  badRanks: 'rangen zijn getallen van 1 tot 10, bijv. 1, 2', removeStock: 'Weghalen', addPerformance: 'Voorstelling toevoegen',
  searchPerformances: 'Zoek voorstellingen op titel', add: 'Toevoegen', inSet: 'in de set', addStream: 'Stream toevoegen',
  chooseStream: '— kies een stream —', unknownStock: '(niet gevonden)', setsCount: '{n} set(s)', stream: 'Stream',
  // streams
  newStream: 'Nieuwe stream', noStreams: 'Nog geen streams.', title: 'Titel', url: 'Adres van de video',
  urlHint: 'https://… waar kijkers met toegang de stream zien', startsAt: 'Begint', endsAt: 'Eindigt', accessEndsAt: 'Toegang tot',
  accessEndsHint: 'Daarna krijgt niemand nog toegang en stopt de verkoop', accessDurationHours: 'Toegang (uren)',
  accessDurationHint: 'Uren toegang na de eerste keer kijken; leeg: geen grens', status: 'Status', 'status-10': 'Gepubliceerd',
  'status-11': 'Gepubliceerd, niet te koop', 'status-20': 'Geannuleerd', productionId: 'Productie', venueId: 'Locatie',
  noProduction: '— geen —', online: 'Online (geen locatie)', freeaccessSeats: 'Gratis toegang met een kaart voor deze productie',
  freeaccessPacks: 'Gratis toegang met een pakket waarin deze stream zit', access: 'Toegang', saveStream: 'Stream opslaan',
  streamSaved: 'Stream opgeslagen', deleteStream: 'Stream verwijderen',
  confirmDeleteStream: '"{name}" verwijderen? De stream verdwijnt uit Foyer en uit de /v1-catalogus. Dat kan alleen zolang niemand hem kocht en hij in geen pakket of mandje zit, en kan niet ongedaan worden.',
  streamInUse: 'Deze stream is verkocht of zit in een pakket of mandje: hij kan niet verwijderd worden. Zet de status op Geannuleerd om toegang en verkoop te stoppen.',
  // keys
  keysHint: 'Sleutels voor websites en apps die de Utick-compatibele /v1-catalogus lezen. Elke site of app krijgt best een eigen sleutel.',
  newKey: 'Nieuwe sleutel', keyLabel: 'Naam (welke site of app)', createKey: 'Sleutel aanmaken', publicKey: 'Publieke sleutel',
  created: 'Aangemaakt', lastUsed: 'Laatst gebruikt', never: 'nog niet', revoke: 'Intrekken', revoked: 'Ingetrokken',
  confirmRevokeKey: 'Sleutel "{name}" intrekken? Elke site of app die hem gebruikt, wordt meteen geweigerd op de /v1-catalogus. Dit kan niet ongedaan worden.',
  secretOnce: 'De sleutel "{name}" is aangemaakt. Kopieer het secret nu.', secret: 'Secret',
};
export type CatalogueWord = keyof typeof nl;

const en: Record<CatalogueWord, string> = {
  section: 'Catalogue', packs: 'Packs', streams: 'Streams', keys: 'Catalogue keys',
  newPack: 'New pack', searchPacks: 'Search by name', noPacks: 'No packs yet.', noMatch: 'Nothing found.',
  page: '{from}–{to} of {total}', published: 'Published', notPublished: 'Offline', publish: 'Publish', unpublish: 'Take offline',
  label: 'Name', description: 'Description', typeId: 'Kind', 'type-1': 'Subscription (fixed performances)', 'type-10': 'Bundle',
  'type-20': 'Pass (e.g. 10 places of your choice)', 'type-100': 'Card (e.g. access to a stream)',
  imageUrl: 'Image (address)', imageHint: 'https://… a JPEG or PNG', shopUrl: 'Address in the web shop', price: 'Price',
  priceHint: 'in euros, VAT included, e.g. 120 or 99.50', badPrice: 'give an amount in euros, e.g. 99.50',
  ticketTypeId: 'Ticket type of the places', ticketTypeHint: 'Places taken with the pack get this type, at € 0',
  chooseTicketType: '— choose a ticket type —', validFrom: 'Valid from', validUntil: 'Valid until', validHint: 'empty: no limit',
  perPerformanceMax: 'Places per performance', perPerformanceHint: 'How many places one holder takes for the same performance',
  publishedBox: 'Published: on sale and shown to sites and apps (/v1)', savePack: 'Save pack', packSaved: 'Pack saved',
  deletePack: 'Delete pack',
  confirmDeletePack: 'Delete "{name}"? The pack and its {sets} set(s) disappear from Foyer and from the /v1 catalogue. This works only while nobody has bought it and it is in no basket, and cannot be undone.',
  packInUse: 'This pack has been sold or is in a basket: it cannot be deleted. Take it offline to stop selling it.',
  setsLocked: 'Customers hold this pack: its sets and their performances are fixed. The name, price, texts and publication can still change.',
  sets: 'Sets', setsHint: 'A set is a group of performances (or streams); a holder takes between min and max places from it.',
  addSet: '+ Set', removeSet: 'Remove set', setLabel: 'Name of the set', itemnbMin: 'Min', itemnbMax: 'Max', setNumber: 'Set {n}',
  stocks: 'Performances and streams', noStocks: 'Nothing in this set yet.', ranks: 'Ranks', ranksHint: 'empty: any rank; e.g. 1, 2',
  badRanks: 'ranks are numbers from 1 to 10, e.g. 1, 2', removeStock: 'Remove', addPerformance: 'Add a performance',
  searchPerformances: 'Search performances by title', add: 'Add', inSet: 'in the set', addStream: 'Add a stream',
  chooseStream: '— choose a stream —', unknownStock: '(not found)', setsCount: '{n} set(s)', stream: 'Stream',
  newStream: 'New stream', noStreams: 'No streams yet.', title: 'Title', url: 'Address of the video',
  urlHint: 'https://… where viewers with access watch the stream', startsAt: 'Starts', endsAt: 'Ends', accessEndsAt: 'Access until',
  accessEndsHint: 'After this nobody gets access and sales stop', accessDurationHours: 'Access (hours)',
  accessDurationHint: 'Hours of access after the first viewing; empty: no limit', status: 'Status', 'status-10': 'Published',
  'status-11': 'Published, not for sale', 'status-20': 'Cancelled', productionId: 'Production', venueId: 'Venue',
  noProduction: '— none —', online: 'Online (no venue)', freeaccessSeats: 'Free access with a ticket for this production',
  freeaccessPacks: 'Free access with a pack that contains this stream', access: 'Access', saveStream: 'Save stream',
  streamSaved: 'Stream saved', deleteStream: 'Delete stream',
  confirmDeleteStream: 'Delete "{name}"? The stream disappears from Foyer and from the /v1 catalogue. This works only while nobody has bought it and it is in no pack or basket, and cannot be undone.',
  streamInUse: 'This stream has been sold or is in a pack or basket: it cannot be deleted. Set its status to Cancelled to stop access and sales.',
  keysHint: 'Keys for sites and apps that read the Utick-compatible /v1 catalogue. Best give each site or app its own key.',
  newKey: 'New key', keyLabel: 'Name (which site or app)', createKey: 'Create key', publicKey: 'Public key',
  created: 'Created', lastUsed: 'Last used', never: 'not yet', revoke: 'Revoke', revoked: 'Revoked',
  confirmRevokeKey: 'Revoke the key "{name}"? Every site or app using it is refused by the /v1 catalogue at once. This cannot be undone.',
  secretOnce: 'The key "{name}" is made. Copy the secret now.', secret: 'Secret',
};

const fr: Record<CatalogueWord, string> = {
  section: 'Catalogue', packs: 'Packs', streams: 'Streams', keys: 'Clés du catalogue',
  newPack: 'Nouveau pack', searchPacks: 'Rechercher par nom', noPacks: 'Pas encore de packs.', noMatch: 'Rien trouvé.',
  page: '{from}–{to} sur {total}', published: 'Publié', notPublished: 'Hors ligne', publish: 'Publier', unpublish: 'Mettre hors ligne',
  label: 'Nom', description: 'Description', typeId: 'Type', 'type-1': 'Abonnement (représentations fixes)', 'type-10': 'Lot',
  'type-20': 'Passeport (p. ex. 10 places au choix)', 'type-100': 'Carte (p. ex. accès à un stream)',
  imageUrl: 'Image (adresse)', imageHint: 'https://… un JPEG ou PNG', shopUrl: 'Adresse dans la boutique en ligne', price: 'Prix',
  priceHint: 'en euros, TVA comprise, p. ex. 120 ou 99,50', badPrice: 'indiquez un montant en euros, p. ex. 99,50',
  ticketTypeId: 'Type de billet des places', ticketTypeHint: 'Les places prises avec le pack reçoivent ce type, à 0 €',
  chooseTicketType: '— choisissez un type de billet —', validFrom: 'Valable à partir du', validUntil: 'Valable jusqu’au', validHint: 'vide : sans limite',
  perPerformanceMax: 'Places par représentation', perPerformanceHint: 'Combien de places un détenteur prend pour la même représentation',
  publishedBox: 'Publié : en vente et visible pour les sites et applications (/v1)', savePack: 'Enregistrer le pack', packSaved: 'Pack enregistré',
  deletePack: 'Supprimer le pack',
  confirmDeletePack: 'Supprimer « {name} » ? Le pack et ses {sets} ensemble(s) disparaissent de Foyer et du catalogue /v1. Ce n’est possible que tant que personne ne l’a acheté et qu’il n’est dans aucun panier, et c’est définitif.',
  packInUse: 'Ce pack a été vendu ou se trouve dans un panier : il ne peut pas être supprimé. Mettez-le hors ligne pour arrêter la vente.',
  setsLocked: 'Des clients détiennent ce pack : ses ensembles et leurs représentations sont figés. Le nom, le prix, les textes et la publication peuvent encore changer.',
  sets: 'Ensembles', setsHint: 'Un ensemble est un groupe de représentations (ou de streams) ; un détenteur y prend entre min et max places.',
  addSet: '+ Ensemble', removeSet: 'Retirer l’ensemble', setLabel: 'Nom de l’ensemble', itemnbMin: 'Min', itemnbMax: 'Max', setNumber: 'Ensemble {n}',
  stocks: 'Représentations et streams', noStocks: 'Rien dans cet ensemble pour l’instant.', ranks: 'Rangs', ranksHint: 'vide : tout rang ; p. ex. 1, 2',
  badRanks: 'les rangs sont des nombres de 1 à 10, p. ex. 1, 2', removeStock: 'Retirer', addPerformance: 'Ajouter une représentation',
  searchPerformances: 'Rechercher des représentations par titre', add: 'Ajouter', inSet: 'dans l’ensemble', addStream: 'Ajouter un stream',
  chooseStream: '— choisissez un stream —', unknownStock: '(introuvable)', setsCount: '{n} ensemble(s)', stream: 'Stream',
  newStream: 'Nouveau stream', noStreams: 'Pas encore de streams.', title: 'Titre', url: 'Adresse de la vidéo',
  urlHint: 'https://… où les spectateurs ayant accès regardent le stream', startsAt: 'Début', endsAt: 'Fin', accessEndsAt: 'Accès jusqu’au',
  accessEndsHint: 'Ensuite plus personne n’a accès et la vente s’arrête', accessDurationHours: 'Accès (heures)',
  accessDurationHint: 'Heures d’accès après le premier visionnage ; vide : sans limite', status: 'Statut', 'status-10': 'Publié',
  'status-11': 'Publié, pas en vente', 'status-20': 'Annulé', productionId: 'Production', venueId: 'Lieu',
  noProduction: '— aucune —', online: 'En ligne (sans lieu)', freeaccessSeats: 'Accès gratuit avec un billet pour cette production',
  freeaccessPacks: 'Accès gratuit avec un pack contenant ce stream', access: 'Accès', saveStream: 'Enregistrer le stream',
  streamSaved: 'Stream enregistré', deleteStream: 'Supprimer le stream',
  confirmDeleteStream: 'Supprimer « {name} » ? Le stream disparaît de Foyer et du catalogue /v1. Ce n’est possible que tant que personne ne l’a acheté et qu’il n’est dans aucun pack ni panier, et c’est définitif.',
  streamInUse: 'Ce stream a été vendu ou se trouve dans un pack ou un panier : il ne peut pas être supprimé. Mettez son statut sur Annulé pour arrêter l’accès et la vente.',
  keysHint: 'Clés pour les sites et applications qui lisent le catalogue /v1 compatible Utick. Donnez de préférence une clé à chaque site ou application.',
  newKey: 'Nouvelle clé', keyLabel: 'Nom (quel site ou application)', createKey: 'Créer la clé', publicKey: 'Clé publique',
  created: 'Créée', lastUsed: 'Dernière utilisation', never: 'pas encore', revoke: 'Révoquer', revoked: 'Révoquée',
  confirmRevokeKey: 'Révoquer la clé « {name} » ? Tout site ou application qui l’utilise est refusé aussitôt par le catalogue /v1. C’est définitif.',
  secretOnce: 'La clé « {name} » est créée. Copiez le secret maintenant.', secret: 'Secret',
};

const WORDS: Record<Lang, Record<CatalogueWord, string>> = { nl, en, fr };
export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };

const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function useCatalogueWords() {
  const { lang } = useI18n();
  return { lang, w: (k: CatalogueWord, params?: Record<string, string | number>) => fillIn(WORDS[lang][k], params) };
}
