import { useState } from 'react';
import type { User } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { GoToSection } from './make-first.js';
import { SECTIONS } from './sections.js';
import { useManageWords } from './words.js';

/** The back office: a side list of sections (venues, productions, prices, people, connectors, audit ...). */
export function ManageScreen({ user }: { user: User }) {
  const { lang } = useI18n();
  const w = useManageWords();
  const visible = SECTIONS.filter((s) => s.roles.includes(user.role));
  const [current, setCurrent] = useState(visible[0]?.id ?? '');
  const section = visible.find((s) => s.id === current) ?? visible[0];
  if (!section) return <p>{w('noSections')}</p>;
  return (
    <div className="manage">
      <nav className="manage-nav" aria-label={w('sections')}>
        {visible.map((s) => (
          <button key={s.id} name={`manage-${s.id}`} className={s.id === section.id ? 'active' : undefined}
            aria-current={s.id === section.id ? 'page' : undefined} onClick={() => setCurrent(s.id)}>{s.label[lang]}</button>
        ))}
      </nav>
      <GoToSection.Provider value={setCurrent}>
        <section className="manage-body">{section.render({ user })}</section>
      </GoToSection.Provider>
    </div>
  );
}
