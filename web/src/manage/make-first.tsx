// What a new organisation must make first, said where it is missing (an empty hall list, a price list
// without ticket types), with the way to the section that makes it.
import { createContext, useContext } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { SECTION_LABEL as TICKET_TYPES } from './ticket-types/words.js';
import { SECTION_LABEL as VENUES } from './venues/words.js';
import { useManageWords } from './words.js';
import './make-first.css';

/** Opens a section of the back office by its id (the back office's shell provides it). */
export const GoToSection = createContext<(id: string) => void>(() => {});

const NEEDS = {
  hall: { section: 'venues', label: VENUES, word: 'needHall' },
  ticketTypes: { section: 'ticket-types', label: TICKET_TYPES, word: 'needTicketTypes' },
} as const;

export function MakeFirst({ need }: { need: keyof typeof NEEDS }) {
  const go = useContext(GoToSection);
  const { lang } = useI18n();
  const w = useManageWords();
  const n = NEEDS[need];
  return (
    <small className="make-first" data-need={need}>
      {w(n.word)}{' '}
      <button type="button" className="link" name={`goto-${n.section}`} onClick={() => go(n.section)}>{n.label[lang]} →</button>
    </small>
  );
}
