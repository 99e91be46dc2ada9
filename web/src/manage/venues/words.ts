// Words of the venues and halls section, in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';
import type { CsvProblem } from './csv.js';
import type { GridProblem } from './generate.js';

const nl = {
  section: 'Locaties & zalen', venues: 'Locaties', newVenue: 'Nieuwe locatie', venue: 'Locatie', name: 'Naam', address: 'Adres',
  postalCode: 'Postcode', city: 'Plaats', country: 'Land', timeZone: 'Tijdzone', colour: 'Kleur', noColour: 'Geen eigen kleur',
  colourHint: 'Voor tickets en de webwinkel', logo: 'Logo', logoHint: 'PNG of JPEG, hoogstens 150 kB; op tickets en in de webwinkel',
  removeLogo: 'Logo weghalen', saveVenue: 'Locatie opslaan', venueSaved: 'Locatie opgeslagen', halls: 'Zalen', newHall: 'Nieuwe zaal',
  seats: 'stoelen', places: 'plaatsen', capacity: 'Capaciteit', noHalls: 'Deze locatie heeft nog geen zalen.', noVenues: 'Nog geen locaties.',
  editHall: 'Zaal bewerken', hallName: 'Naam van de zaal', back: 'Terug naar de locatie', saveHall: 'Zaal opslaan', hallSaved: 'Zaal opgeslagen',
  generate: 'Rijen en stoelen maken', sectionName: 'Sectie', firstRow: 'Eerste rij', lastRow: 'Laatste rij', seatsPerRow: 'Stoelen per rij',
  numbering: 'Nummering', 'numbering-ltr': '1, 2, 3 … van links', 'numbering-rtl': '1, 2, 3 … van rechts',
  'numbering-odd-even': 'Oneven links, even rechts (vanaf het midden)', 'numbering-odd': 'Alleen oneven (1, 3, 5 …)', 'numbering-even': 'Alleen even (2, 4, 6 …)',
  aisles: 'Gangpaden na stoel', aislesHint: 'bijv. 10, 20: een gang na de 10e en de 20e stoel van links', aisleWidth: 'Breedte gangpad (stoelen)',
  curve: 'Boog (stoelen)', stagger: 'Rijen om en om een halve stoel verspringen', rank: 'Rang', addSection: 'Sectie toevoegen',
  replaceSection: 'Sectie vervangen', sections: 'Secties', remove: 'Weghalen', rows: 'rijen',
  selection: 'Selectie', selected: 'gekozen', selectHint: 'Klik op stoelen of een rijnummer, of sleep een rechthoek om stoelen te kiezen.',
  selectAll: 'Alles kiezen', selectNone: 'Niets kiezen', paintRank: 'Rang geven', wheelchair: 'Rolstoelplaats', companion: 'Begeleider',
  restrictedView: 'Beperkt zicht', defaultSection: 'Zaal', 'wheelchair-one': '{n} rolstoelplaats', 'wheelchair-other': '{n} rolstoelplaatsen', 'companion-one': '{n} begeleidersplaats', 'companion-other': '{n} begeleidersplaatsen', 'restrictedView-one': '{n} plaats met beperkt zicht', 'restrictedView-other': '{n} plaatsen met beperkt zicht', on: 'aan', off: 'uit', deleteSeats: 'Stoelen weghalen', move: 'Verschuiven', left: 'links', right: 'rechts',
  up: 'omhoog', down: 'omlaag', zones: 'Vrije zones (staanplaatsen)', zoneName: 'Naam zone', addZone: 'Zone toevoegen',
  importExport: 'Importeren en exporteren', exportCsv: 'CSV exporteren', exportJson: 'JSON exporteren', importFile: 'CSV of JSON importeren',
  importReplace: 'De huidige kaart van {n} plaatsen vervangen door het bestand?', imported: '{n} stoelen en {z} zones geïmporteerd',
  importFailed: 'Het bestand is niet ingelezen', line: 'regel', badJson: 'Geen zaalkaart in JSON',
  preview: 'Voorbeeld (zoals kassa en webwinkel de zaal tekenen)', empty: 'Nog geen stoelen: maak rijen hierboven of importeer een bestand.',
  refused: 'Niet opgeslagen: deze plaatsen zijn vastgehouden, gereserveerd of verkocht en moeten blijven',
  refusedSeat: 'in gebruik: moet blijven', restore: 'Deze plaatsen terugzetten', fieldProblem: 'Fout in de kaart',
  discard: 'Wijzigingen weggooien?', unsaved: 'Niet opgeslagen wijzigingen', readOnly: 'Alleen beheerders wijzigen locaties en zalen.',
  zoneInUse: 'Zone in gebruik', confirmRemove: 'Opslaan haalt {n} stoelen uit de zaal. Doorgaan?', newHallName: 'Grote zaal',
};
export type VenueWord = keyof typeof nl;

const en: Record<VenueWord, string> = {
  section: 'Venues & halls', venues: 'Venues', newVenue: 'New venue', venue: 'Venue', name: 'Name', address: 'Address',
  postalCode: 'Postal code', city: 'City', country: 'Country', timeZone: 'Time zone', colour: 'Colour', noColour: 'No colour of its own',
  colourHint: 'For tickets and the web shop', logo: 'Logo', logoHint: 'PNG or JPEG, at most 150 kB; on tickets and in the web shop',
  removeLogo: 'Remove logo', saveVenue: 'Save venue', venueSaved: 'Venue saved', halls: 'Halls', newHall: 'New hall',
  seats: 'seats', places: 'places', capacity: 'Capacity', noHalls: 'This venue has no halls yet.', noVenues: 'No venues yet.',
  editHall: 'Edit hall', hallName: 'Hall name', back: 'Back to the venue', saveHall: 'Save hall', hallSaved: 'Hall saved',
  generate: 'Make rows and seats', sectionName: 'Section', firstRow: 'First row', lastRow: 'Last row', seatsPerRow: 'Seats per row',
  numbering: 'Numbering', 'numbering-ltr': '1, 2, 3 … from the left', 'numbering-rtl': '1, 2, 3 … from the right',
  'numbering-odd-even': 'Odd left, even right (from the centre)', 'numbering-odd': 'Odd only (1, 3, 5 …)', 'numbering-even': 'Even only (2, 4, 6 …)',
  aisles: 'Aisles after seat', aislesHint: 'e.g. 10, 20: an aisle after the 10th and the 20th seat from the left', aisleWidth: 'Aisle width (seats)',
  curve: 'Curve (seats)', stagger: 'Offset every other row by half a seat', rank: 'Rank', addSection: 'Add section',
  replaceSection: 'Replace section', sections: 'Sections', remove: 'Remove', rows: 'rows',
  selection: 'Selection', selected: 'selected', selectHint: 'Click seats or a row number, or drag a rectangle to pick seats.',
  selectAll: 'Select all', selectNone: 'Select none', paintRank: 'Give rank', wheelchair: 'Wheelchair space', companion: 'Companion',
  restrictedView: 'Restricted view', defaultSection: 'Hall', 'wheelchair-one': '{n} wheelchair space', 'wheelchair-other': '{n} wheelchair spaces', 'companion-one': '{n} companion seat', 'companion-other': '{n} companion seats', 'restrictedView-one': '{n} restricted-view seat', 'restrictedView-other': '{n} restricted-view seats', on: 'on', off: 'off', deleteSeats: 'Remove seats', move: 'Move', left: 'left', right: 'right',
  up: 'up', down: 'down', zones: 'General admission zones', zoneName: 'Zone name', addZone: 'Add zone',
  importExport: 'Import and export', exportCsv: 'Export CSV', exportJson: 'Export JSON', importFile: 'Import CSV or JSON',
  importReplace: 'Replace the current map of {n} places with the file?', imported: '{n} seats and {z} zones imported',
  importFailed: 'The file was not read', line: 'line', badJson: 'Not a seat map in JSON',
  preview: 'Preview (as the box office and the web shop draw the hall)', empty: 'No seats yet: make rows above or import a file.',
  refused: 'Not saved: these places are held, reserved or sold and must stay',
  refusedSeat: 'in use: must stay', restore: 'Put these places back', fieldProblem: 'Error in the map',
  discard: 'Discard the changes?', unsaved: 'Unsaved changes', readOnly: 'Only administrators change venues and halls.',
  zoneInUse: 'Zone in use', confirmRemove: 'Saving removes {n} seats from the hall. Go on?', newHallName: 'Main hall',
};

const fr: Record<VenueWord, string> = {
  section: 'Lieux & salles', venues: 'Lieux', newVenue: 'Nouveau lieu', venue: 'Lieu', name: 'Nom', address: 'Adresse',
  postalCode: 'Code postal', city: 'Ville', country: 'Pays', timeZone: 'Fuseau horaire', colour: 'Couleur', noColour: 'Pas de couleur propre',
  colourHint: 'Pour les billets et la billetterie en ligne', logo: 'Logo', logoHint: 'PNG ou JPEG, 150 ko au plus ; sur les billets et la billetterie en ligne',
  removeLogo: 'Retirer le logo', saveVenue: 'Enregistrer le lieu', venueSaved: 'Lieu enregistré', halls: 'Salles', newHall: 'Nouvelle salle',
  seats: 'sièges', places: 'places', capacity: 'Capacité', noHalls: 'Ce lieu n’a pas encore de salle.', noVenues: 'Pas encore de lieu.',
  editHall: 'Modifier la salle', hallName: 'Nom de la salle', back: 'Retour au lieu', saveHall: 'Enregistrer la salle', hallSaved: 'Salle enregistrée',
  generate: 'Créer des rangs et des sièges', sectionName: 'Section', firstRow: 'Premier rang', lastRow: 'Dernier rang', seatsPerRow: 'Sièges par rang',
  numbering: 'Numérotation', 'numbering-ltr': '1, 2, 3 … depuis la gauche', 'numbering-rtl': '1, 2, 3 … depuis la droite',
  'numbering-odd-even': 'Impairs à gauche, pairs à droite (depuis le centre)', 'numbering-odd': 'Impairs seulement (1, 3, 5 …)', 'numbering-even': 'Pairs seulement (2, 4, 6 …)',
  aisles: 'Allées après le siège', aislesHint: 'p. ex. 10, 20 : une allée après le 10e et le 20e siège depuis la gauche', aisleWidth: 'Largeur de l’allée (sièges)',
  curve: 'Courbe (sièges)', stagger: 'Décaler un rang sur deux d’un demi-siège', rank: 'Rang de prix', addSection: 'Ajouter la section',
  replaceSection: 'Remplacer la section', sections: 'Sections', remove: 'Retirer', rows: 'rangs',
  selection: 'Sélection', selected: 'choisis', selectHint: 'Cliquez sur des sièges ou un numéro de rang, ou tracez un rectangle pour choisir des sièges.',
  selectAll: 'Tout choisir', selectNone: 'Ne rien choisir', paintRank: 'Donner le rang', wheelchair: 'Place PMR', companion: 'Accompagnateur',
  restrictedView: 'Visibilité réduite', defaultSection: 'Salle', 'wheelchair-one': '{n} place PMR', 'wheelchair-other': '{n} places PMR', 'companion-one': '{n} place accompagnateur', 'companion-other': '{n} places accompagnateur', 'restrictedView-one': '{n} place à visibilité réduite', 'restrictedView-other': '{n} places à visibilité réduite', on: 'oui', off: 'non', deleteSeats: 'Retirer les sièges', move: 'Déplacer', left: 'à gauche', right: 'à droite',
  up: 'vers le haut', down: 'vers le bas', zones: 'Zones en placement libre', zoneName: 'Nom de la zone', addZone: 'Ajouter une zone',
  importExport: 'Importer et exporter', exportCsv: 'Exporter en CSV', exportJson: 'Exporter en JSON', importFile: 'Importer un CSV ou un JSON',
  importReplace: 'Remplacer le plan actuel de {n} places par le fichier ?', imported: '{n} sièges et {z} zones importés',
  importFailed: 'Le fichier n’a pas été lu', line: 'ligne', badJson: 'Pas un plan de salle en JSON',
  preview: 'Aperçu (tel que la billetterie et la boutique en ligne dessinent la salle)', empty: 'Pas encore de sièges : créez des rangs ci-dessus ou importez un fichier.',
  refused: 'Non enregistré : ces places sont retenues, réservées ou vendues et doivent rester',
  refusedSeat: 'utilisée : doit rester', restore: 'Remettre ces places', fieldProblem: 'Erreur dans le plan',
  discard: 'Abandonner les modifications ?', unsaved: 'Modifications non enregistrées', readOnly: 'Seuls les administrateurs modifient les lieux et les salles.',
  zoneInUse: 'Zone utilisée', confirmRemove: 'L’enregistrement retire {n} sièges de la salle. Continuer ?', newHallName: 'Grande salle',
};

const gridNl: Record<GridProblem, string> = { rows: 'Rijen: van A tot Z of van 1 tot 100, de eerste vóór de laatste', seats: '1 tot 200 stoelen per rij', section: 'Geef de sectie een naam', aisles: 'Gangpaden: stoelnummers tussen 1 en het aantal stoelen' };
const gridEn: Record<GridProblem, string> = { rows: 'Rows: from A to Z or from 1 to 100, the first before the last', seats: '1 to 200 seats per row', section: 'Give the section a name', aisles: 'Aisles: seat positions between 1 and the number of seats' };
const gridFr: Record<GridProblem, string> = { rows: 'Rangs : de A à Z ou de 1 à 100, le premier avant le dernier', seats: '1 à 200 sièges par rang', section: 'Donnez un nom à la section', aisles: 'Allées : des positions entre 1 et le nombre de sièges' };

const csvNl: Record<CsvProblem, string> = {
  header: 'de kopregel mist de kolom "{value}"', section: 'geen sectie of zonenaam', rank: 'rang "{value}" is geen getal van 1 tot 10',
  position: 'x en y moeten hele getallen vanaf 0 zijn ("{value}")', feature: 'onbekend kenmerk "{value}" (wheelchair, companion, restricted-view)',
  capacity: 'een zone (zonder rij en stoel) heeft een capaciteit van minstens 1 nodig ("{value}")', 'row-or-seat': 'een stoel heeft een rij én een stoelnummer nodig',
  empty: 'het bestand is leeg',
};
const csvEn: Record<CsvProblem, string> = {
  header: 'the header lacks the column "{value}"', section: 'no section or zone name', rank: 'rank "{value}" is not a number from 1 to 10',
  position: 'x and y must be whole numbers from 0 ("{value}")', feature: 'unknown feature "{value}" (wheelchair, companion, restricted-view)',
  capacity: 'a zone (no row and seat) needs a capacity of at least 1 ("{value}")', 'row-or-seat': 'a seat needs both a row and a seat number',
  empty: 'the file is empty',
};
const csvFr: Record<CsvProblem, string> = {
  header: 'il manque la colonne « {value} » dans l’en-tête', section: 'pas de section ni de nom de zone', rank: 'le rang « {value} » n’est pas un nombre de 1 à 10',
  position: 'x et y doivent être des nombres entiers à partir de 0 (« {value} »)', feature: 'caractéristique inconnue « {value} » (wheelchair, companion, restricted-view)',
  capacity: 'une zone (sans rang ni siège) a besoin d’une capacité d’au moins 1 (« {value} »)', 'row-or-seat': 'un siège a besoin d’un rang et d’un numéro',
  empty: 'le fichier est vide',
};

const WORDS: Record<Lang, Record<VenueWord, string>> = { nl, en, fr };
const GRID: Record<Lang, Record<GridProblem, string>> = { nl: gridNl, en: gridEn, fr: gridFr };
const CSV: Record<Lang, Record<CsvProblem, string>> = { nl: csvNl, en: csvEn, fr: csvFr };

export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };

const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function useVenueWords() {
  const { lang } = useI18n();
  return {
    lang,
    w: (k: VenueWord, params?: Record<string, string | number>) => fillIn(WORDS[lang][k], params),
    gridProblem: (p: GridProblem) => GRID[lang][p],
    csvProblem: (p: CsvProblem, value = '') => fillIn(CSV[lang][p], { value }),
  };
}
