// Catalogue: what the Utick-compatible catalogue sells and serves next to seats — packs with their
// sets, streams — and the keys sites and apps read it with.
import { useState } from 'react';
import { KeysPanel } from './KeysPanel.js';
import { PacksPanel } from './PacksPanel.js';
import { StreamsPanel } from './StreamsPanel.js';
import { useCatalogueWords } from './words.js';
import './catalogue.css';

const PARTS = ['packs', 'streams', 'keys'] as const;

export function CatalogueSection() {
  const { w } = useCatalogueWords();
  const [part, setPart] = useState<(typeof PARTS)[number]>('packs');
  return (
    <div className="catalogue">
      <nav className="subtabs">
        {PARTS.map((p) => (
          <button key={p} name={`catalogue-${p}`} className={part === p ? 'active' : undefined} onClick={() => setPart(p)}>{w(p)}</button>
        ))}
      </nav>
      {part === 'packs' && <PacksPanel />}
      {part === 'streams' && <StreamsPanel />}
      {part === 'keys' && <KeysPanel />}
    </div>
  );
}
