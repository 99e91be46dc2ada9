import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);

// The app shell stays on the phone: the scanner opens without a network (see web/scan/pwa.ts).
if ('serviceWorker' in navigator && !import.meta.env.DEV) {
  window.addEventListener('load', () => { navigator.serviceWorker.register('/scan/sw.js', { scope: '/scan/' }).catch(() => undefined); });
}
