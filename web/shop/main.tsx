import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './shop.css';

createRoot(document.getElementById('shop')!).render(<App />);
