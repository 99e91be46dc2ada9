import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scanPwa } from './scan/pwa.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), scanPwa()],
  // Three apps: the box office (index.html), the public web shop (shop.html), which shares no code
  // with the box office, only React, and the door scanner at /scan/ (scan/index.html, its own small entry).
  build: {
    outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800,
    rollupOptions: { input: { main: `${root}index.html`, shop: `${root}shop.html`, scan: `${root}scan/index.html` } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
