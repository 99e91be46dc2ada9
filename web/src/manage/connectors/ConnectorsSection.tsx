// Connectors: one panel per outside platform (DIP, UiTPAS with UiTdatabank, Mollie), for admins.
import { useState } from 'react';
import { DipPanel } from './DipPanel.js';
import { MolliePanel } from './MolliePanel.js';
import { UitpasPanel } from './UitpasPanel.js';
import { useConnectorWords } from './words.js';
import './connectors.css';

const PANELS = ['dip', 'uitpas', 'mollie'] as const;
type Panel = (typeof PANELS)[number];

export function ConnectorsSection() {
  const { w } = useConnectorWords();
  const [panel, setPanel] = useState<Panel>('dip');
  return (
    <div className="connectors">
      <h2>{w('section')}</h2>
      <nav className="subtabs">
        {PANELS.map((p) => (
          <button key={p} name={`connector-${p}`} className={panel === p ? 'active' : undefined} aria-current={panel === p ? 'page' : undefined}
            onClick={() => setPanel(p)}>{w(p)}</button>
        ))}
      </nav>
      {panel === 'dip' && <DipPanel />}
      {panel === 'uitpas' && <UitpasPanel />}
      {panel === 'mollie' && <MolliePanel />}
    </div>
  );
}
